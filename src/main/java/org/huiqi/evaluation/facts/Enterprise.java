package org.huiqi.evaluation.facts;

import static org.huiqi.evaluation.Criteria.oneOf;
import static org.huiqi.evaluation.Criteria.unknown;
import static org.huiqi.evaluation.Criteria.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.huiqi.evaluation.Check;
import org.huiqi.evaluation.Flag;
import org.huiqi.evaluation.Num;
import org.huiqi.profile.Award;
import org.huiqi.profile.Certification;
import org.huiqi.profile.Profile;
import org.huiqi.profile.QuarterOutput;
import org.huiqi.rules.InputDeclaration;

/**
 * The enterprise as rules see it: its profile on the evaluation date, read through names from
 * the policy texts. Absent answers come back unknown, and derived figures are computed here so
 * that no rule asks the user for a ratio. One instance per evaluation; never modified.
 */
public final class Enterprise {
    private final Profile profile;
    private final LocalDate asOf;
    private final Places places;

    public Enterprise(Profile profile, LocalDate asOf, Places places) {
        this.profile = profile;
        this.asOf = asOf;
        this.places = places;
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** The calendar year before the evaluation date ("上年", LY). */
    public FiscalYear lastYear() {
        return year(asOf.getYear() - 1);
    }

    /** The figures of one calendar year. */
    public FiscalYear year(int year) {
        Map<String, ?> financials = profile.financials();
        return new FiscalYear(this, year, financials == null ? null : profile.financials().get(String.valueOf(year)));
    }

    // ── identity and place ──────────────────────────────────────────────────────────────

    /** Registered in {@code placeOrGroup}: a GB/T 2260 code (province, city, county) or a group id. */
    public Check locatedIn(String... placesOrGroups) {
        return Locations.within(places, profile.regionCode(), "regionCode", placesOrGroups);
    }

    /** Located in one of the named industrial parks. */
    public Check inPark(String... parkIds) {
        if (profile.parks() == null) return unknown("in " + String.join(" or ", parkIds), List.of("parks"));
        boolean in = profile.parks().stream().anyMatch(List.of(parkIds)::contains);
        return when(in, profile.parks(), "in " + String.join(" or ", parkIds), "parks");
    }

    /** Industry code within the given GB/T 4754 sections or divisions, e.g. "C" or "C42". */
    public Check industryIn(String... sectionsOrDivisions) {
        return Industries.within(profile.industryCode(), "industryCode", sectionsOrDivisions);
    }

    /** Manufacturing: GB/T 4754-2017 section C (divisions 13–43). */
    public Check manufacturing() {
        return industryIn("C");
    }

    /** Industrial: sections B (mining), C (manufacturing), D (utilities). */
    public Check industrial() {
        return industryIn("B", "C", "D");
    }

    /** Full years since registration, on the evaluation date. */
    public Num yearsSinceRegistration() {
        LocalDate registered = profile.registrationDate();
        return Num.input(registered == null ? null : ChronoUnit.YEARS.between(registered, asOf), "registrationDate");
    }

    public Flag sme() {
        return Flag.input(profile.sme(), "sme");
    }

    public Num employees() {
        return Num.input(profile.employees(), "employees");
    }

    /** Science and technology staff as a percentage of employees. */
    public Num techStaffShare() {
        return Num.input(profile.techStaff(), "techStaff").percentOf(employees());
    }

    /** R&D staff as a percentage of employees. */
    public Num rdStaffShare() {
        return Num.input(profile.rdStaff(), "rdStaff").percentOf(employees());
    }

    // ── money over several years ───────────────────────────────────────────────────────

    /** Equity financing received over the last {@code years} years up to LY, 万元. */
    public Num equityFinancingOver(int years) {
        Num total = Num.constant(0);
        int last = lastYear().year();
        for (int year = last - years + 1; year <= last; year++) {
            BigDecimal amount = profile.equityFinancing() == null ? null : profile.equityFinancing().get(String.valueOf(year));
            total = total.plus(Num.input(amount, "equityFinancing." + year));
        }
        return total;
    }

    /** Sum of R&D expense over the last {@code years} years up to LY, 万元. */
    public Num rdExpenseOver(int years) {
        Num total = Num.constant(0);
        for (int i = 0; i < years; i++) total = total.plus(year(lastYear().year() - i).rdExpense());
        return total;
    }

    /** Sum of operating revenue over the last {@code years} years up to LY, 万元. */
    public Num operatingRevenueOver(int years) {
        Num total = Num.constant(0);
        for (int i = 0; i < years; i++) total = total.plus(year(lastYear().year() - i).operatingRevenue());
        return total;
    }

    /** Average yearly R&D expense over the last {@code years} years up to LY, 万元. */
    public Num averageRdExpense(int years) {
        return rdExpenseOver(years).dividedBy(years);
    }

    /** Average yearly main-business revenue growth over the last {@code years} years up to LY, percent. */
    public Num averageMainBusinessGrowth(int years) {
        Num total = Num.constant(0);
        for (int i = 0; i < years; i++) total = total.plus(year(lastYear().year() - i).mainBusinessGrowth());
        return total.dividedBy(years);
    }

    // ── R&D, IP, market ────────────────────────────────────────────────────────────────

    public IpCounts ip() {
        return new IpCounts(profile.ip());
    }

    public Flag ownsCoreIp() {
        return Flag.input(profile.ownsCoreIp(), "ownsCoreIp");
    }

    public Flag inHiTechField() {
        return Flag.input(profile.inHiTechField(), "inHiTechField");
    }

    /** Has an R&D institution of at least {@code level} (MUNICIPAL, PROVINCIAL, NATIONAL). */
    public Check rdInstitutionAtLeast(String level) {
        Profile.RdInstitutionLevel wanted = Profile.RdInstitutionLevel.valueOf(level);
        Profile.RdInstitutionLevel actual = profile.rdInstitutionLevel();
        if (actual == null) return unknown(">= " + level, List.of("rdInstitutionLevel"));
        return when(actual.compareTo(wanted) >= 0, actual.name(), ">= " + level, "rdInstitutionLevel");
    }

    /**
     * Has an R&D institution of its own or built jointly with a university or research institute, at
     * any level: a recognised one (MUNICIPAL or higher) counts, and so does an unrecognised one.
     * rdInstitutionLevel NONE only says none is recognised, so then rdInstitution decides.
     */
    public Check hasRdInstitution() {
        String required = "own or joint R&D institution, any level";
        Profile.RdInstitutionLevel level = profile.rdInstitutionLevel();
        if (level != null && level != Profile.RdInstitutionLevel.NONE) return when(true, level.name(), required, "rdInstitutionLevel");
        if (profile.rdInstitution() != null) return when(profile.rdInstitution(), profile.rdInstitution(), required, "rdInstitution");
        return unknown(required, List.of("rdInstitution"));
    }

    /**
     * Received an award of {@code kind} at {@code level}, ranked {@code maxRank} or better (0: any
     * rank), in the last {@code years} full years: LY and the years before it, the same window as
     * {@link #equityFinancingOver(int)} — "近三年" of 2025 is 2022..2024, not four calendar years.
     */
    public Check awardWithin(int years, String kind, String level, int maxRank) {
        int last = lastYear().year();
        int first = last - years + 1;
        String required = kind + " " + level + (maxRank > 0 ? " rank <= " + maxRank : "") + " in " + first + ".." + last;
        if (profile.awards() == null) return unknown(required, List.of("awards"));
        List<String> undecided = new ArrayList<>();
        for (int i = 0; i < profile.awards().size(); i++) {
            Award award = profile.awards().get(i);
            if (award.kind() == null || !award.kind().name().equals(kind) || award.level() == null
                    || !award.level().name().equals(level)) continue;
            String path = "awards[" + i + "]";
            if (award.year() == null) undecided.add(path + ".year");
            else if (maxRank > 0 && award.rank() == null) undecided.add(path + ".rank");
            else if (award.year() >= first && award.year() <= last && (maxRank == 0 || award.rank() <= maxRank)) {
                return when(true, path, required, path);
            }
        }
        if (!undecided.isEmpty()) return unknown(required, undecided);
        return when(false, profile.awards().size() + " awards, none matching", required, "awards");
    }

    public Num yearsInNiche() {
        return Num.input(profile.yearsInNiche(), "yearsInNiche");
    }

    public Flag leadProductStrategicEmerging() {
        return Flag.input(profile.leadProductStrategicEmerging(), "leadProductStrategicEmerging");
    }

    /** The lead product's national niche market share, percent. */
    public Num nicheMarketShare() {
        return Num.input(profile.nicheMarketSharePct(), "nicheMarketSharePct");
    }

    public Flag ownBrand() {
        return Flag.input(profile.ownBrand(), "ownBrand");
    }

    public Flag managementCertification() {
        return Flag.input(profile.managementCertification(), "managementCertification");
    }

    public Num specializedScore() {
        return Num.input(profile.specializedScore(), "specializedScore");
    }

    public Num hnteInnovationScore() {
        return Num.input(profile.hnteInnovationScore(), "hnteInnovationScore");
    }

    // ── recognitions held ──────────────────────────────────────────────────────────────

    /** Holds a valid recognition of {@code type} on the evaluation date. */
    public Check holds(String type) {
        Certification.Type wanted = Certification.Type.valueOf(type);
        String required = "holds " + type + " valid on " + asOf;
        if (profile.certifications() == null) return unknown(required, List.of("certifications"));
        List<String> undecided = new ArrayList<>();
        for (int i = 0; i < profile.certifications().size(); i++) {
            Certification c = profile.certifications().get(i);
            if (c.type() != wanted) continue;
            Boolean valid = c.validOn(asOf);
            if (valid == null) undecided.add("certifications[" + i + "].recognizedOn");
            else if (valid) return when(true, type + " recognised " + c.recognizedOn(), required, "certifications[" + i + "]");
        }
        if (!undecided.isEmpty()) return unknown(required, undecided);
        return when(false, "not held", required, "certifications");
    }

    /** Was recognised as {@code type} during calendar year {@code year}. */
    public Check recognizedIn(String type, int year) {
        Certification.Type wanted = Certification.Type.valueOf(type);
        String required = type + " recognised in " + year;
        if (profile.certifications() == null) return unknown(required, List.of("certifications"));
        boolean any = profile.certifications().stream()
                .anyMatch(c -> c.type() == wanted && c.recognizedOn() != null && c.recognizedOn().getYear() == year);
        return when(any, any ? type + " " + year : "not recognised in " + year, required, "certifications");
    }

    /**
     * First recognised as {@code type} between {@code from} and {@code to} (ISO dates, both included):
     * the earliest recognition of that type falls in the window, so a renewal of an older title does
     * not count as "first". An undated recognition of the type might be the earliest, so it leaves this unknown.
     */
    public Check firstRecognizedBetween(String type, String from, String to) {
        Certification.Type wanted = Certification.Type.valueOf(type);
        LocalDate start = LocalDate.parse(from);
        LocalDate end = LocalDate.parse(to);
        String required = "first " + type + " recognised in [" + start + ", " + end + "]";
        if (profile.certifications() == null) return unknown(required, List.of("certifications"));
        LocalDate earliest = null;
        List<String> undecided = new ArrayList<>();
        for (int i = 0; i < profile.certifications().size(); i++) {
            Certification c = profile.certifications().get(i);
            if (c.type() != wanted) continue;
            if (c.recognizedOn() == null) undecided.add("certifications[" + i + "].recognizedOn");
            else if (earliest == null || c.recognizedOn().isBefore(earliest)) earliest = c.recognizedOn();
        }
        if (!undecided.isEmpty()) return unknown(required, undecided);
        if (earliest == null) return when(false, "never recognised as " + type, required, "certifications");
        boolean in = !earliest.isBefore(start) && !earliest.isAfter(end);
        return when(in, type + " first recognised " + earliest, required, "certifications");
    }

    // ── above-scale (规上) ──────────────────────────────────────────────────────────────

    /** Counted in the 规上 statistics now, as the enterprise says: an enterprise can also leave them. */
    public Flag aboveScaleNow() {
        return Flag.input(profile.aboveScaleNow(), "aboveScaleNow");
    }

    public Num firstAboveScaleYear() {
        return Num.input(profile.firstAboveScaleYear(), "firstAboveScaleYear");
    }

    /**
     * First counted in the 规上 statistics after {@code date} (ISO). aboveScaleSince decides when given;
     * otherwise firstAboveScaleYear decides when it is an earlier or a later year than the date's, and
     * only a year equal to the date's needs the exact date.
     */
    public Check enteredAboveScaleAfter(String date) {
        LocalDate limit = LocalDate.parse(date);
        String required = "entered above scale after " + limit;
        LocalDate since = profile.aboveScaleSince();
        if (since != null) return when(since.isAfter(limit), since, required, "aboveScaleSince");
        Integer year = profile.firstAboveScaleYear();
        if (year == null) return unknown(required, List.of("firstAboveScaleYear"));
        if (year != limit.getYear()) return when(year > limit.getYear(), year, required, "firstAboveScaleYear");
        return unknown(required, List.of("aboveScaleSince"));
    }

    /** Industrial output of one quarter, 万元; unknown when that quarter is not listed. */
    public Num quarterOutput(int year, int quarter) {
        List<QuarterOutput> quarters = profile.quarterlyOutput();
        for (int i = 0; quarters != null && i < quarters.size(); i++) {
            QuarterOutput q = quarters.get(i);
            if (q.year() != null && q.year() == year && q.quarter() != null && q.quarter() == quarter) {
                return Num.input(q.output(), "quarterlyOutput[" + i + "].output");
            }
        }
        return Num.input(null, "quarterlyOutput[year=" + year + ",quarter=" + quarter + "].output");
    }

    public Flag receivedProvincialXsgAward() {
        return Flag.input(profile.receivedProvincialXsgAward(), "receivedProvincialXsgAward");
    }

    public Flag newPlantEntry() {
        return Flag.input(profile.newPlantEntry(), "newPlantEntry");
    }

    public Flag convertedFromNonIndustrial() {
        return Flag.input(profile.convertedFromNonIndustrial(), "convertedFromNonIndustrial");
    }

    public Flag movedBetweenCities() {
        return Flag.input(profile.movedBetweenCities(), "movedBetweenCities");
    }

    // ── compliance ─────────────────────────────────────────────────────────────────────

    public Flag majorIncidentWithin3Years() {
        return Flag.input(profile.majorIncidentWithin3Years(), "majorIncidentWithin3Years");
    }

    public Flag violationWithin6Months() {
        return Flag.input(profile.violationWithin6Months(), "violationWithin6Months");
    }

    /** In the 经营异常名录 or listed as a 严重失信主体. */
    public Flag listedAbnormalOrDishonest() {
        return Flag.input(profile.listedAbnormalOrDishonest(), "listedAbnormalOrDishonest");
    }

    /** Tax evasion or another serious violation in the last 3 years. */
    public Flag seriousViolationWithin3Years() {
        return Flag.input(profile.seriousViolationWithin3Years(), "seriousViolationWithin3Years");
    }

    public Flag majorIncidentWithin1Year() {
        return Flag.input(profile.majorIncidentWithin1Year(), "majorIncidentWithin1Year");
    }

    /** Tax credit rating is one of {@code ratings}. */
    public Check taxCreditRatingIn(String... ratings) {
        return oneOf(profile.taxCreditRating() == null ? null : profile.taxCreditRating().name(), "taxCreditRating", ratings);
    }

    // ── recycling and taxes ────────────────────────────────────────────────────────────

    public Flag vatGeneralTaxpayer() {
        return Flag.input(profile.vatGeneralTaxpayer(), "vatGeneralTaxpayer");
    }

    public Flag sellsCollectedRecycledResources() {
        return Flag.input(profile.sellsCollectedRecycledResources(), "sellsCollectedRecycledResources");
    }

    public Flag handlesHazardousWaste() {
        return Flag.input(profile.handlesHazardousWaste(), "handlesHazardousWaste");
    }

    public Flag handlesEndOfLifeVehicles() {
        return Flag.input(profile.handlesEndOfLifeVehicles(), "handlesEndOfLifeVehicles");
    }

    public Flag recyclerFiled() {
        return Flag.input(profile.recyclerFiled(), "recyclerFiled");
    }

    public Flag hazardousWasteLicence() {
        return Flag.input(profile.hazardousWasteLicence(), "hazardousWasteLicence");
    }

    public Flag elvDismantlingLicence() {
        return Flag.input(profile.elvDismantlingLicence(), "elvDismantlingLicence");
    }

    /** The product category in the 2022 VAT catalogue, as its name (RECYCLED_METAL, ...); null when unknown. */
    public String rcuVatCategory() {
        return profile.rcuVatCategory() == null ? null : profile.rcuVatCategory().name();
    }

    /** Its self-produced products fall in one of the VAT catalogue {@code categories} (or NOT_LISTED). */
    public Check rcuVatCategoryIn(String... categories) {
        return oneOf(rcuVatCategory(), "rcuVatCategory", categories);
    }

    public Flag rcuEitCatalogMaterial() {
        return Flag.input(profile.rcuEitCatalogMaterial(), "rcuEitCatalogMaterial");
    }

    public Flag recycledInputsInvoiced() {
        return Flag.input(profile.recycledInputsInvoiced(), "recycledInputsInvoiced");
    }

    public Flag restrictedOrEliminatedProduct() {
        return Flag.input(profile.restrictedOrEliminatedProduct(), "restrictedOrEliminatedProduct");
    }

    public Flag highPollutionProduct() {
        return Flag.input(profile.highPollutionProduct(), "highPollutionProduct");
    }

    /** Revenue share from the western region's encouraged industries, percent (as reported). */
    public Num westernEncouragedRevenueShare() {
        return Num.input(profile.westernEncouragedRevenueSharePct(), "westernEncouragedRevenueSharePct");
    }

    public Flag energyStorageManufacturer() {
        return Flag.input(profile.energyStorageManufacturer(), "energyStorageManufacturer");
    }

    // ── projects ───────────────────────────────────────────────────────────────────────

    /** The projects as facts, each knowing its place in the profile for explanations. */
    public List<Project> projects() {
        if (profile.projects() == null) return List.of();
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < profile.projects().size(); i++) {
            projects.add(new Project(this, profile.projects().get(i), i, places));
        }
        return projects;
    }

    // ── inputs declared beside the rules (*.inputs.yaml) ──────────────────────────────────
    // The API has checked each answer against its declaration, and validate checks each rule reads
    // an input with the reader of its declared type; absent is unknown, as for every field.

    /** A declared number input, {@code profile.inputs.<id>}. */
    public Num input(String id) {
        JsonNode value = answer(id);
        return Num.input(value != null && value.isNumber() ? value.decimalValue() : null, InputDeclaration.PREFIX + id);
    }

    /** A declared yes/no input. */
    public Flag inputFlag(String id) {
        JsonNode value = answer(id);
        return Flag.input(value != null && value.isBoolean() ? value.booleanValue() : null, InputDeclaration.PREFIX + id);
    }

    /** A declared choice input is one of {@code choices}. */
    public Check inputIn(String id, String... choices) {
        JsonNode value = answer(id);
        return oneOf(value != null && value.isTextual() ? value.asText() : null, InputDeclaration.PREFIX + id, choices);
    }

    /** A declared per-year number input for {@code year}, {@code profile.inputs.<id>.<year>}. */
    Num inputOfYear(String id, int year) {
        JsonNode years = answer(id);
        JsonNode value = years == null ? null : years.get(String.valueOf(year));
        return Num.input(value != null && value.isNumber() ? value.decimalValue() : null, InputDeclaration.PREFIX + id + "." + year);
    }

    private JsonNode answer(String id) {
        return profile.inputs() == null ? null : profile.inputs().get(id);
    }

    /** The profile, for the rare rule that needs a field with no named reader yet. */
    public Profile profile() {
        return profile;
    }

    @Override
    public String toString() {
        return "Enterprise[" + Objects.requireNonNullElse(profile.name(), "unnamed") + " as of " + asOf + "]";
    }
}
