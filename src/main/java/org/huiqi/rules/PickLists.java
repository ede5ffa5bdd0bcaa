package org.huiqi.rules;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Reference lists the web form offers to pick from: GB/T 4754-2017 industries
 * ({@code reference/industries.yaml}) and industrial parks ({@code reference/parks.yaml}), and the
 * searches over regions and industries, built with the rule set so no request builds one. Rules
 * do not read these; they ship with the rule set so that a park or industry a rule names and the
 * one the form offers come from the same version of the rules directory.
 */
public record PickLists(List<IndustrySection> industries, List<Park> parks, Lookup regionSearch, Lookup industrySearch) {

    public static PickLists empty() {
        return new PickLists(List.of(), List.of(), Lookup.empty(), Lookup.empty());
    }

    /**
     * Whether a well-formed GB/T 4754 code ("C", "C42", "C421", "C4210") is known at the
     * granularity industries.yaml has: its section, its division (大类) when it gives one, and its
     * class (小类) when the file lists classes of that group (中类) — a group with listed classes lists
     * all of them. The file lists only some classes, so a class of a group it lists none of is
     * known when its division is. True when there is no list.
     */
    public boolean knowsIndustry(String code) {
        if (industries.isEmpty() || code == null || code.isEmpty()) return true;
        IndustrySection section = industries.stream().filter(s -> s.code().equals(code.substring(0, 1))).findFirst().orElse(null);
        if (section == null) return false;
        if (code.length() < 3) return true;
        Industry division = section.divisions().stream().filter(d -> d.code().equals(code.substring(0, 3))).findFirst().orElse(null);
        if (division == null) return false;
        if (code.length() < 5) return true;
        List<String> classesOfGroup = division.classes().stream().map(Industry::code)
                .filter(c -> c.length() == 5 && c.startsWith(code.substring(0, 4))).toList();
        return classesOfGroup.isEmpty() || classesOfGroup.contains(code);
    }

    @Schema(description = "A GB/T 4754-2017 section (门类) with its divisions (大类).")
    public record IndustrySection(@Schema(example = "C") String code, @Schema(example = "制造业") String zh,
                                  @Schema(example = "Manufacturing") String en, List<Industry> divisions) {
    }

    @Schema(description = "A GB/T 4754-2017 division (大类), group (中类) or class (小类); code is the value of profile.industryCode.")
    public record Industry(@Schema(example = "C42") String code, @Schema(example = "废弃资源综合利用业") String zh,
                           @Schema(example = "Waste resource recycling") String en,
                           @Schema(description = "Everyday words that find it in a search (再生资源, 回收), Chinese or English")
                           List<String> keywords,
                           @Schema(description = "Groups (中类, three digits) and classes (小类, four digits) listed under this division, "
                                   + "in code order; only some are listed") List<Industry> classes) {
    }

    @Schema(description = "An industrial park; id is the value of profile.parks[].")
    public record Park(@Schema(example = "wuzhou-circular-economy-park") String id,
                       @Schema(example = "梧州循环经济产业园区") String zh,
                       @Schema(example = "Wuzhou Circular Economy Industrial Park") String en,
                       @Schema(description = "GB/T 2260 code of the city or county it lies in", example = "450400") String regionCode) {
    }
}
