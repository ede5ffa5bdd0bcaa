package org.huiqi.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huiqi.evaluation.facts.Places;

/**
 * Reads {@code reference/regions.yaml}: GB/T 2260 codes with names, and named groups of codes
 * (the Pearl River Delta, the western region) that rules refer to by id. Data, not Java
 * constants, so staff can correct a list without a release.
 */
final class ReferenceData {
    static final String REGIONS = "reference/regions.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ReferenceData() {
    }

    static Places places(RuleFiles files, List<RuleProblem> problems) {
        if (!files.contents().containsKey(REGIONS)) return Places.empty();
        try {
            JsonNode root = YAML.readTree(files.contents().get(REGIONS));
            Map<String, Places.Place> byCode = new LinkedHashMap<>();
            for (JsonNode region : root.path("regions")) {
                String code = region.path("code").asText();
                if (!code.matches("\\d{6}")) {
                    problems.add(new RuleProblem(REGIONS, 0, 0, "region code '" + code + "' is not six digits"));
                }
                byCode.put(code, new Places.Place(code, region.path("zh").asText(), region.path("en").asText()));
            }
            Map<String, Places.Group> groups = new LinkedHashMap<>();
            root.path("groups").fields().forEachRemaining(entry -> {
                JsonNode group = entry.getValue();
                Set<String> members = new LinkedHashSet<>();
                group.path("members").forEach(m -> members.add(m.asText()));
                for (String member : members) {
                    if (!byCode.containsKey(member)) {
                        problems.add(new RuleProblem(REGIONS, 0, 0, "group " + entry.getKey() + " lists " + member
                                + ", which is not among the regions"));
                    }
                }
                groups.put(entry.getKey(), new Places.Group(entry.getKey(), group.path("zh").asText(),
                        group.path("en").asText(), Set.copyOf(members)));
            });
            return new Places(Map.copyOf(byCode), Map.copyOf(groups));
        } catch (IOException e) {
            problems.add(new RuleProblem(REGIONS, 0, 0, "cannot read: " + e.getMessage()));
            return Places.empty();
        }
    }
}
