package org.huiqi.evaluation.facts;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GB/T 2260 administrative divisions and named groups of them (such as the Pearl River Delta),
 * read from the rule set's reference data. A code is inside a province when it shares the first
 * two digits, inside a city when it shares the first four: the code structure of GB/T 2260.
 */
public record Places(Map<String, Place> byCode, Map<String, Group> groups) {

    public record Place(String code, String zh, String en) {
    }

    public record Group(String id, String zh, String en, Set<String> members) {
    }

    public static Places empty() {
        return new Places(Map.of(), Map.of());
    }

    /** Whether {@code code} lies in {@code placeOrGroup}: a GB/T 2260 code or a group id. */
    public boolean contains(String placeOrGroup, String code) {
        Group group = groups.get(placeOrGroup);
        if (group != null) return group.members().stream().anyMatch(member -> within(code, member));
        if (!placeOrGroup.matches("\\d{6}")) {
            throw new IllegalArgumentException("unknown place or group '" + placeOrGroup
                    + "': use a six-digit GB/T 2260 code or a group id from reference/regions.yaml " + groups.keySet());
        }
        return within(code, placeOrGroup);
    }

    /** Names of {@code placesOrGroups} for explanations, e.g. "广东省 (440000)". */
    public String describe(List<String> placesOrGroups) {
        return String.join(" / ", placesOrGroups.stream().map(this::name).toList());
    }

    /** A code with its name and the names of the city and province above it. */
    public String name(String placeOrGroup) {
        Group group = groups.get(placeOrGroup);
        if (group != null) return group.zh() + " (" + group.id() + ")";
        Place place = byCode.get(placeOrGroup);
        return place == null ? placeOrGroup : place.zh() + " (" + placeOrGroup + ")";
    }

    static boolean within(String code, String area) {
        if (area.endsWith("0000")) return code.startsWith(area.substring(0, 2));
        if (area.endsWith("00")) return code.startsWith(area.substring(0, 4));
        return code.equals(area);
    }
}
