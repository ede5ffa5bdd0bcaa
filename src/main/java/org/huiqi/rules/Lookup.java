package org.huiqi.rules;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.huiqi.evaluation.facts.Places;

/**
 * Search over one pick list — GB/T 2260 regions or GB/T 4754 industries — for pickers that search as
 * the user types. Built once per rule set, with each entry's names, ancestors and keywords
 * normalised ahead, so a query only compares short strings (a few thousand) and allocates its answer.
 * Ranking: the exact code, then a code or name that starts with the query, then a name that
 * contains it, then an everyday keyword (industries), then an ancestor's name (the counties of
 * 梧州 after 梧州市 itself); within a rank, in code order.
 */
public final class Lookup {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_QUERY_LENGTH = 50;
    private static final int RANKS = 5;

    @Schema(name = "ReferenceStep", description = "An ancestor of a match: province or city; section, division or group.",
            requiredProperties = {"code", "nameZh", "nameEn"})
    public record Step(@Schema(example = "450000") String code, @Schema(example = "广西壮族自治区") String nameZh,
                       @Schema(example = "Guangxi") String nameEn) {
    }

    @Schema(name = "ReferenceMatch", description = "A region or industry that matches the query; code is the value the profile takes.",
            requiredProperties = {"code", "nameZh", "nameEn", "path"})
    public record Match(@Schema(example = "450400") String code, @Schema(example = "梧州市") String nameZh,
                        @Schema(example = "Wuzhou") String nameEn,
                        @Schema(description = "Ancestors from the top: province, city; or section, division, group") List<Step> path) {
    }

    public record Found(List<Match> items, boolean more) {
    }

    private record Entry(Match match, String code, String digits, String zh, String en, List<String> keywords, String ancestors) {
        int rank(String q) {
            if (code.equals(q) || digits.equals(q)) return 0;
            if (code.startsWith(q) || (!digits.isEmpty() && digits.startsWith(q)) || zh.startsWith(q) || en.startsWith(q)) return 1;
            if (zh.contains(q) || en.contains(q)) return 2;
            for (String keyword : keywords) {
                if (keyword.contains(q)) return 3;
            }
            return ancestors.contains(q) ? 4 : -1;
        }
    }

    private final List<Entry> entries;

    private Lookup(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static Lookup empty() {
        return new Lookup(List.of());
    }

    /** Every region, its province and city (where the list has them) as its path. */
    static Lookup regions(Places places) {
        List<Entry> entries = new ArrayList<>();
        places.byCode().values().stream().sorted(Comparator.comparing(Places.Place::code)).forEach(place -> {
            List<Step> path = places.above(place.code()).stream().map(above -> new Step(above.code(), above.zh(), above.en())).toList();
            entries.add(entry(place.code(), place.code(), place.zh(), place.en(), List.of(), path));
        });
        return new Lookup(entries);
    }

    /** Sections, divisions and the listed groups and classes; a class's group is in its path when listed. */
    static Lookup industries(List<PickLists.IndustrySection> sections) {
        List<Entry> entries = new ArrayList<>();
        for (PickLists.IndustrySection section : sections) {
            Step sectionStep = new Step(section.code(), section.zh(), section.en());
            entries.add(entry(section.code(), "", section.zh(), section.en(), List.of(), List.of()));
            for (PickLists.Industry division : section.divisions()) {
                entries.add(entry(division, List.of(sectionStep)));
                Step divisionStep = step(division);
                Map<String, Step> groups = new HashMap<>();
                division.classes().stream().filter(c -> c.code().length() == 4).forEach(g -> groups.put(g.code(), step(g)));
                for (PickLists.Industry listed : division.classes()) {
                    Step group = listed.code().length() == 5 ? groups.get(listed.code().substring(0, 4)) : null;
                    entries.add(entry(listed, group == null ? List.of(sectionStep, divisionStep) : List.of(sectionStep, divisionStep, group)));
                }
            }
        }
        entries.sort(Comparator.comparing(e -> e.match().code()));
        return new Lookup(entries);
    }

    /**
     * At most {@code limit} matches, best first, and whether more matched. A blank query matches
     * nothing: a picker that has been cleared shows no list rather than the whole of China.
     */
    public Found find(String query, int limit) {
        String q = normal(query);
        if (q.isEmpty()) return new Found(List.of(), false);
        List<List<Match>> byRank = new ArrayList<>();
        for (int i = 0; i < RANKS; i++) byRank.add(new ArrayList<>());
        for (Entry entry : entries) {
            int rank = entry.rank(q);
            if (rank >= 0) byRank.get(rank).add(entry.match());
        }
        List<Match> items = new ArrayList<>(limit);
        int matched = 0;
        for (List<Match> matches : byRank) {
            matched += matches.size();
            for (Match match : matches) {
                if (items.size() < limit) items.add(match);
            }
        }
        return new Found(List.copyOf(items), matched > items.size());
    }

    private static Entry entry(PickLists.Industry industry, List<Step> path) {
        return entry(industry.code(), industry.code().substring(1), industry.zh(), industry.en(), industry.keywords(), path);
    }

    private static Entry entry(String code, String digits, String zh, String en, List<String> keywords, List<Step> path) {
        StringBuilder ancestors = new StringBuilder();
        path.forEach(s -> ancestors.append(normal(s.nameZh())).append('\n').append(normal(s.nameEn())).append('\n'));
        return new Entry(new Match(code, zh, en, List.copyOf(path)), normal(code), digits, normal(zh), normal(en),
                keywords.stream().map(Lookup::normal).toList(), ancestors.toString());
    }

    private static Step step(PickLists.Industry industry) {
        return new Step(industry.code(), industry.zh(), industry.en());
    }

    /** Full-width letters and digits as ASCII (NFKC), case ignored, outer spaces dropped. */
    static String normal(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
