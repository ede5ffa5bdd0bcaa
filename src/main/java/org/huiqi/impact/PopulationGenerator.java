package org.huiqi.impact;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.SplittableRandom;

/**
 * A synthetic population of enterprises in the three seed places, as batch items (one per line).
 * Nothing in it is a real enterprise: ids start with {@code SYN-} and names say 合成 (synthetic).
 *
 * <p>Each item is drawn from its own random stream, seeded by the seed and its index: item 41 is
 * the same in a population of 1,000 and of 1,000,000, so a small sample is the head of a large
 * one and a shard of an Indexed Job can generate its slice alone. The distributions are
 * documented in docs/impact.md; change them there too.
 */
public final class PopulationGenerator {
    public static final long MIN_SIZE = 1_000;
    public static final long MAX_SIZE = 1_000_000;
    public static final String ID_PREFIX = "SYN-";

    private static final String[] WUZHOU_COUNTIES = {"450403", "450405", "450406", "450421", "450422", "450423", "450481"};
    private static final String[] ZHAOQING_COUNTIES = {"441202", "441203", "441204", "441223", "441224", "441225", "441226", "441284"};
    private static final String WUZHOU_PARK = "wuzhou-circular-economy-park";

    private final long seed;
    private final JsonGenerator json;

    private PopulationGenerator(long seed, JsonGenerator json) {
        this.seed = seed;
        this.json = json;
    }

    /** Writes items {@code from} (inclusive) to {@code to} (exclusive) of the population of {@code seed}. */
    public static void write(long seed, long from, long to, OutputStream out) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.setRootValueSeparator(null); // lines, not spaces, separate items
            PopulationGenerator generator = new PopulationGenerator(seed, json);
            for (long index = from; index < to; index++) {
                generator.item(index);
                json.writeRaw('\n');
            }
        }
    }

    private void item(long index) throws IOException {
        // SplittableRandom mixes its seed well: neighbouring indexes give unrelated streams.
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        json.writeStartObject();
        json.writeStringField("id", ID_PREFIX + seed + "-" + index);
        json.writeObjectFieldStart("profile");
        double place = random.nextDouble();
        if (place < 0.45) wuzhou(random, index);
        else if (place < 0.80) zhaoqing(random, index);
        else suichang(random, index);
        json.writeEndObject();
        json.writeEndObject();
    }

    /** Wuzhou's recycling cluster: metal and plastic recyclers, most of them in the circular-economy park. */
    private void wuzhou(SplittableRandom random, long index) throws IOException {
        String industry = pick(random, new String[]{"C4210", "C4220", "F5191", "C3252", "C2929"}, new double[]{0.40, 0.15, 0.20, 0.15, 0.10});
        common(random, index, "梧州", pick(random, WUZHOU_COUNTIES, null), industry);
        if (random.nextDouble() < 0.60) {
            json.writeArrayFieldStart("parks");
            json.writeString(WUZHOU_PARK);
            json.writeEndArray();
        }
        boolean recycler = industry.startsWith("C42") || industry.equals("F5191");
        flag(random, "vatGeneralTaxpayer", recycler ? 0.85 : 0.7);
        flag(random, "sellsCollectedRecycledResources", recycler ? 0.75 : 0.05);
        flag(random, "recyclerFiled", recycler ? 0.80 : 0.05);
        flag(random, "handlesHazardousWaste", 0.05);
        flag(random, "handlesEndOfLifeVehicles", 0.03);
        flag(random, "recycledInputsInvoiced", 0.70);
        flag(random, "rcuEitCatalogMaterial", recycler ? 0.60 : 0.10);
        if (random.nextDouble() < 0.85) {
            json.writeStringField("rcuVatCategory", pick(random, new String[]{"RECYCLED_METAL", "RECYCLED_PLASTIC", "OTHER", "NOT_LISTED"},
                    industry.equals("C2929") ? new double[]{0.05, 0.65, 0.10, 0.20} : new double[]{0.55, 0.10, 0.10, 0.25}));
        }
        flag(random, "restrictedOrEliminatedProduct", 0.04);
        flag(random, "highPollutionProduct", 0.06);
        flag(random, "violationWithin6Months", 0.05);
        if (random.nextDouble() < 0.8) json.writeNumberField("westernEncouragedRevenueSharePct", random.nextInt(20, 101));
        projects(random, "450400", WUZHOU_COUNTIES, new String[]{"ENVIRONMENTAL", "MANUFACTURING", "OTHER"}, new double[]{0.5, 0.35, 0.15});
    }

    /** Zhaoqing: battery and energy-storage manufacturing, metal products, and warehousing. */
    private void zhaoqing(SplittableRandom random, long index) throws IOException {
        String industry = pick(random, new String[]{"C3841", "C3849", "C3360", "C3311", "G5920"}, new double[]{0.30, 0.15, 0.20, 0.15, 0.20});
        common(random, index, "肇庆", pick(random, ZHAOQING_COUNTIES, null), industry);
        if (!industry.startsWith("G")) flag(random, "energyStorageManufacturer", industry.startsWith("C38") ? 0.6 : 0.05);
        flag(random, "receivedProvincialXsgAward", 0.05);
        flag(random, "newPlantEntry", 0.08);
        flag(random, "convertedFromNonIndustrial", 0.05);
        flag(random, "movedBetweenCities", 0.03);
        flag(random, "majorIncidentWithin3Years", 0.03);
        projects(random, "441200", ZHAOQING_COUNTIES, new String[]{"MANUFACTURING", "ENERGY_STORAGE", "OTHER"}, new double[]{0.6, 0.25, 0.15});
    }

    /** Suichang: equipment makers, metal products, wood and tea processing, many buying industrial land. */
    private void suichang(SplittableRandom random, long index) throws IOException {
        String industry = pick(random, new String[]{"C3441", "C3311", "C2032", "C1530", "C3489"}, new double[]{0.30, 0.20, 0.15, 0.15, 0.20});
        common(random, index, "遂昌", "331123", industry);
        projects(random, "331100", new String[]{"331123", "331123", "331123", "331102"}, new String[]{"MANUFACTURING", "OTHER"}, new double[]{0.8, 0.2});
    }

    /** Size, figures, certifications and above-scale history, drawn alike in every place. */
    private void common(SplittableRandom random, long index, String place, String regionCode, String industry) throws IOException {
        json.writeStringField("name", "合成企业 " + place + " " + ID_PREFIX + seed + "-" + index);
        json.writeStringField("regionCode", regionCode);
        json.writeStringField("industryCode", industry);
        json.writeStringField("registrationDate", (2000 + random.nextInt(25)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10));
        // Revenue (万元) is log-normal: median ~2,700, a long tail of large plants.
        double revenue = Math.round(Math.exp(7.9 + 1.3 * gaussian(random)));
        int employees = (int) Math.max(3, Math.round(revenue / 60 * (0.5 + random.nextDouble())));
        json.writeNumberField("employees", employees);
        json.writeBooleanField("sme", employees < 1000 && revenue < 40000);
        if (random.nextDouble() < 0.7) json.writeNumberField("rdStaff", (int) Math.round(employees * random.nextDouble() * 0.15));
        boolean aboveScale = revenue >= 2000 && random.nextDouble() < 0.9;
        if (aboveScale) {
            // Entry years lean recent: about a third entered in 2023-2025.
            int year = random.nextDouble() < 0.35 ? 2023 + random.nextInt(3) : 2008 + random.nextInt(15);
            json.writeNumberField("firstAboveScaleYear", year);
        }
        if (random.nextDouble() < 0.12) {
            json.writeArrayFieldStart("certifications");
            json.writeStartObject();
            json.writeStringField("type", "HIGH_TECH_ENTERPRISE");
            json.writeStringField("recognizedOn", (2021 + random.nextInt(5)) + "-1" + random.nextInt(3) + "-01");
            json.writeEndObject();
            json.writeEndArray();
        }
        if (random.nextDouble() < 0.9) json.writeStringField("taxCreditRating", pick(random, new String[]{"A", "B", "M", "C", "D"},
                new double[]{0.45, 0.35, 0.12, 0.06, 0.02}));
        json.writeObjectFieldStart("financials");
        double growth = 1;
        for (int year = 2023; year <= 2025; year++) {
            double yearRevenue = Math.round(revenue * growth);
            growth *= 1 + 0.08 * gaussian(random) + 0.03;
            json.writeObjectFieldStart(Integer.toString(year));
            json.writeNumberField("mainBusinessRevenue", (long) yearRevenue);
            if (random.nextDouble() < 0.9) json.writeNumberField("operatingRevenue", (long) Math.round(yearRevenue * 1.05));
            // R&D expense is left out (unknown) for 15% of years: a registry rarely has it all.
            if (random.nextDouble() < 0.85) json.writeNumberField("rdExpense", (long) Math.round(yearRevenue * 0.04 * random.nextDouble()));
            if (random.nextDouble() < 0.8) json.writeNumberField("taxableProfit", (long) Math.round(yearRevenue * (0.10 * random.nextDouble() - 0.02)));
            if (random.nextDouble() < 0.8) json.writeNumberField("vatPaid", (long) Math.round(yearRevenue * 0.03 * random.nextDouble()));
            if (random.nextDouble() < 0.5) json.writeNumberField("industrialValueAddedGrowth", Math.round(30 * random.nextDouble() - 5));
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /** 0 to 2 investment projects (60% none) in the enterprise's city. */
    private void projects(SplittableRandom random, String city, String[] counties, String[] kinds, double[] weights) throws IOException {
        double roll = random.nextDouble();
        int count = roll < 0.6 ? 0 : roll < 0.9 ? 1 : 2;
        if (count == 0) return;
        json.writeArrayFieldStart("projects");
        for (int i = 1; i <= count; i++) {
            json.writeStartObject();
            json.writeStringField("id", "p" + i);
            json.writeStringField("regionCode", random.nextDouble() < 0.9 ? pick(random, counties, null) : city);
            String kind = pick(random, kinds, weights);
            json.writeStringField("kind", kind);
            // Planned investment (万元) is log-normal: median ~8,000.
            long total = Math.round(Math.exp(9.0 + 1.0 * gaussian(random)));
            json.writeNumberField("totalInvestment", total);
            if (random.nextDouble() < 0.8) json.writeNumberField("newFixedAssetInvestment", Math.round(total * (0.3 + 0.6 * random.nextDouble())));
            flag(random, "industrialLandByListing", 0.5);
            flag(random, "commitmentSystem", 0.6);
            flag(random, "inProvincialStrategicCluster", 0.4);
            flag(random, "previouslyProvincialFunded", 0.15);
            if (kind.equals("ENVIRONMENTAL")) flag(random, "environmentalCatalog", 0.7);
            if (kind.startsWith("ENERGY_STORAGE")) json.writeStringField("storageTechnology", pick(random,
                    new String[]{"LITHIUM_ION", "SODIUM_ION", "FLOW", "OTHER"}, new double[]{0.7, 0.1, 0.1, 0.1}));
            if (random.nextDouble() < 0.5) {
                json.writeStringField("buildingType", pick(random, new String[]{"STANDARD_FACTORY", "GENERAL_WAREHOUSE", "OTHER"},
                        new double[]{0.6, 0.25, 0.15}));
                json.writeNumberField("buildingAreaM2", 1000 + random.nextInt(15_000));
            }
            if (random.nextDouble() < 0.5) {
                json.writeNumberField("firstRevenueYear", 2019 + random.nextInt(7));
                json.writeNumberField("taxableIncomeLastYear", Math.round(total * 0.03 * random.nextDouble()));
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** A yes/no answer: true with {@code p}, false otherwise, and left out (unknown) one time in ten. */
    private void flag(SplittableRandom random, String field, double p) throws IOException {
        if (random.nextDouble() < 0.1) return;
        json.writeBooleanField(field, random.nextDouble() < p);
    }

    private static String pick(SplittableRandom random, String[] values, double[] weights) {
        if (weights == null) return values[random.nextInt(values.length)];
        double roll = random.nextDouble();
        for (int i = 0; i < values.length - 1; i++) {
            roll -= weights[i];
            if (roll < 0) return values[i];
        }
        return values[values.length - 1];
    }

    /** A standard normal draw (Box-Muller): SplittableRandom has no nextGaussian on Java 17. */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
