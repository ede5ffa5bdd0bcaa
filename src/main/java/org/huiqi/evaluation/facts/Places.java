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
        return relation(placeOrGroup, code) == Relation.INSIDE;
    }

    /** Where a code lies with respect to an area: inside, outside, or cannot tell at the code's precision. */
    public enum Relation { INSIDE, OUTSIDE, TOO_COARSE }

    /**
     * Where {@code code} lies with respect to {@code placeOrGroup}. A code coarser than the area
     * that contains it (the province 440000 against the city 441200, or against the Pearl River
     * Delta, which only some of the province's cities belong to) cannot say: TOO_COARSE, so the
     * criterion stays unknown rather than failing — the enterprise is in the province, not elsewhere.
     */
    public Relation relation(String placeOrGroup, String code) {
        Group group = groups.get(placeOrGroup);
        if (group != null) {
            Relation result = Relation.OUTSIDE;
            for (String member : group.members()) {
                Relation one = relate(code, member);
                if (one == Relation.INSIDE) return one;
                if (one == Relation.TOO_COARSE) result = one;
            }
            return result;
        }
        if (!placeOrGroup.matches("\\d{6}")) {
            throw new IllegalArgumentException("unknown place or group '" + placeOrGroup
                    + "': use a six-digit GB/T 2260 code or a group id from reference/regions.yaml " + groups.keySet());
        }
        return relate(code, placeOrGroup);
    }

    private static Relation relate(String code, String area) {
        if (within(code, area)) return Relation.INSIDE;
        return within(area, code) ? Relation.TOO_COARSE : Relation.OUTSIDE;
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

    /**
     * The places a code lies in, from the code itself up: its county (when it is one), city and
     * province, then the groups holding it, e.g. 450403, 450400, 450000.
     */
    public List<String> around(String code) {
        List<String> around = new java.util.ArrayList<>();
        around.add(code);
        String city = code.substring(0, 4) + "00";
        String province = code.substring(0, 2) + "0000";
        if (!around.contains(city)) around.add(city);
        if (!around.contains(province)) around.add(province);
        groups.values().stream().filter(g -> relation(g.id(), code) == Relation.INSIDE).map(Group::id).sorted().forEach(around::add);
        return around;
    }

    /**
     * The listed province and city a code sits under, from the top: 450403 → 450000, 450400; a county
     * the list gives no city for (a district of Beijing) → its province only; a province → none.
     */
    public List<Place> above(String code) {
        List<Place> above = new java.util.ArrayList<>();
        for (String ancestor : List.of(code.substring(0, 2) + "0000", code.substring(0, 4) + "00")) {
            Place place = byCode.get(ancestor);
            if (place != null && !ancestor.equals(code) && !above.contains(place)) above.add(place);
        }
        return above;
    }

    /** Like {@link #name}, in English. */
    public String nameEn(String placeOrGroup) {
        Group group = groups.get(placeOrGroup);
        if (group != null) return group.en() + " (" + group.id() + ")";
        Place place = byCode.get(placeOrGroup);
        return place == null ? placeOrGroup : place.en() + " (" + placeOrGroup + ")";
    }

    static boolean within(String code, String area) {
        if (area.endsWith("0000")) return code.startsWith(area.substring(0, 2));
        if (area.endsWith("00")) return code.startsWith(area.substring(0, 4));
        return code.equals(area);
    }
}
