package org.huiqi.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huiqi.evaluation.facts.Places;

/**
 * Reads {@code reference/regions.yaml}: GB/T 2260 codes with names, and named groups of codes
 * (the Pearl River Delta, the western region) that rules refer to by id. Data, not Java
 * constants, so staff can correct a list without a release. Also reads the form's pick lists,
 * {@code reference/industries.yaml} (GB/T 4754-2017) and {@code reference/parks.yaml}.
 */
final class ReferenceData {
    static final String REGIONS = "reference/regions.yaml";
    static final String INDUSTRIES = "reference/industries.yaml";
    static final String PARKS = "reference/parks.yaml";
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

    /** The web form's pick lists; an absent file gives an empty list, a malformed entry a problem. */
    static PickLists pickLists(RuleFiles files, Places places, List<RuleProblem> problems) {
        return new PickLists(industries(files, problems), parks(files, places, problems));
    }

    private static List<PickLists.IndustrySection> industries(RuleFiles files, List<RuleProblem> problems) {
        if (!files.contents().containsKey(INDUSTRIES)) return List.of();
        try {
            JsonNode root = YAML.readTree(files.contents().get(INDUSTRIES));
            List<PickLists.IndustrySection> sections = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (JsonNode section : root.path("sections")) {
                String letter = section.path("code").asText();
                if (!letter.matches("[A-T]")) {
                    problems.add(new RuleProblem(INDUSTRIES, 0, 0, "section code '" + letter + "' is not a letter A-T"));
                }
                if (!seen.add(letter)) problems.add(new RuleProblem(INDUSTRIES, 0, 0, "section " + letter + " is listed twice"));
                List<PickLists.Industry> divisions = new ArrayList<>();
                for (JsonNode division : section.path("divisions")) {
                    String digits = division.path("code").asText();
                    division.fieldNames().forEachRemaining(key -> {
                        // an unquoted comma in a {flow: mapping} splits an English name into keys
                        if (!Set.of("code", "zh", "en", "classes").contains(key)) {
                            problems.add(new RuleProblem(INDUSTRIES, 0, 0, "division " + digits + " has an unknown key '" + key
                                    + "': quote names that contain a comma"));
                        }
                    });
                    if (!digits.matches("\\d{2}")) {
                        problems.add(new RuleProblem(INDUSTRIES, 0, 0, "division code '" + digits + "' in section "
                                + letter + " is not two digits"));
                    }
                    if (!seen.add(digits)) problems.add(new RuleProblem(INDUSTRIES, 0, 0, "division " + digits + " is listed twice"));
                    List<PickLists.Industry> classes = new ArrayList<>();
                    for (JsonNode cls : division.path("classes")) {
                        String code = cls.path("code").asText();
                        if (!code.matches("\\d{3,4}") || !code.startsWith(digits)) {
                            problems.add(new RuleProblem(INDUSTRIES, 0, 0, "class code '" + code + "' is not three or four digits "
                                    + "starting with its division " + digits));
                        }
                        classes.add(new PickLists.Industry(letter + code, cls.path("zh").asText(), cls.path("en").asText(), List.of()));
                    }
                    divisions.add(new PickLists.Industry(letter + digits, division.path("zh").asText(),
                            division.path("en").asText(), List.copyOf(classes)));
                }
                sections.add(new PickLists.IndustrySection(letter, section.path("zh").asText(), section.path("en").asText(),
                        List.copyOf(divisions)));
            }
            return List.copyOf(sections);
        } catch (IOException e) {
            problems.add(new RuleProblem(INDUSTRIES, 0, 0, "cannot read: " + e.getMessage()));
            return List.of();
        }
    }

    private static List<PickLists.Park> parks(RuleFiles files, Places places, List<RuleProblem> problems) {
        if (!files.contents().containsKey(PARKS)) return List.of();
        try {
            JsonNode root = YAML.readTree(files.contents().get(PARKS));
            List<PickLists.Park> parks = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (JsonNode park : root.path("parks")) {
                String id = park.path("id").asText();
                String region = park.path("regionCode").asText();
                if (!id.matches("[a-z0-9-]+")) {
                    problems.add(new RuleProblem(PARKS, 0, 0, "park id '" + id + "' is not lower-case letters, digits and hyphens"));
                }
                if (!ids.add(id)) problems.add(new RuleProblem(PARKS, 0, 0, "park " + id + " is listed twice"));
                if (!places.byCode().containsKey(region)) {
                    problems.add(new RuleProblem(PARKS, 0, 0, "park " + id + " lies in " + region
                            + ", which is not among the regions of " + REGIONS));
                }
                parks.add(new PickLists.Park(id, park.path("zh").asText(), park.path("en").asText(), region));
            }
            return List.copyOf(parks);
        } catch (IOException e) {
            problems.add(new RuleProblem(PARKS, 0, 0, "cannot read: " + e.getMessage()));
            return List.of();
        }
    }
}
