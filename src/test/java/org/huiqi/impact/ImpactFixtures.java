package org.huiqi.impact;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small synthetic populations for tests: quick to evaluate, and the same on every run. */
final class ImpactFixtures {
    static final long SEED = 20251;
    static final String NAME = "synthetic-test.ndjson";

    /**
     * One enterprise known to get the Guangdong 小升规 award (the Zhaoqing scenario's): a small
     * synthetic sample may hold none, and an amount-table test needs one.
     */
    static final String KNOWN_AWARD = "{\"id\":\"FIXTURE-zhaoqing-xsg\",\"profile\":{\"regionCode\":\"441204\",\"industryCode\":\"C3841\","
            + "\"firstAboveScaleYear\":2024,\"receivedProvincialXsgAward\":false,\"newPlantEntry\":false,\"convertedFromNonIndustrial\":false,"
            + "\"movedBetweenCities\":false,\"majorIncidentWithin3Years\":false,\"financials\":{\"2024\":{\"mainBusinessRevenue\":26000}}}}\n";

    private ImpactFixtures() {
    }

    /** A folder holding one population of {@code size} items, as policy.impact.populations. */
    static Path populationDir(int size) {
        try {
            Path dir = Files.createTempDirectory("populations-");
            try (OutputStream out = Files.newOutputStream(dir.resolve(NAME))) {
                PopulationGenerator.write(SEED, 0, size, out);
                out.write(KNOWN_AWARD.getBytes(StandardCharsets.UTF_8));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path population(Path dir) {
        return dir.resolve(NAME);
    }
}
