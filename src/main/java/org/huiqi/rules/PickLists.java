package org.huiqi.rules;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Reference lists the web form offers to pick from: GB/T 4754-2017 industries
 * ({@code reference/industries.yaml}) and industrial parks ({@code reference/parks.yaml}). Rules
 * do not read these; they ship with the rule set so that a park or industry a rule names and the
 * one the form offers come from the same version of the rules directory.
 */
public record PickLists(List<IndustrySection> industries, List<Park> parks) {

    public static PickLists empty() {
        return new PickLists(List.of(), List.of());
    }

    /**
     * Whether a well-formed GB/T 4754 code ("C", "C42", "C4210") is known at the granularity
     * industries.yaml has: its section, and its division (大类) when it gives one. Classes are not
     * all listed there, so a class is known when its division is. True when there is no list.
     */
    public boolean knowsIndustry(String code) {
        if (industries.isEmpty() || code == null || code.isEmpty()) return true;
        String division = code.length() >= 3 ? code.substring(0, 3) : null;
        return industries.stream().anyMatch(s -> s.code().equals(code.substring(0, 1))
                && (division == null || s.divisions().stream().anyMatch(d -> d.code().equals(division))));
    }

    @Schema(description = "A GB/T 4754-2017 section (门类) with its divisions (大类).")
    public record IndustrySection(@Schema(example = "C") String code, @Schema(example = "制造业") String zh,
                                  @Schema(example = "Manufacturing") String en, List<Industry> divisions) {
    }

    @Schema(description = "A GB/T 4754-2017 division (大类) or class (小类); code is the value of profile.industryCode.")
    public record Industry(@Schema(example = "C42") String code, @Schema(example = "废弃资源综合利用业") String zh,
                           @Schema(example = "Waste resource recycling") String en,
                           @Schema(description = "Classes (小类) listed under this division, when any") List<Industry> classes) {
    }

    @Schema(description = "An industrial park; id is the value of profile.parks[].")
    public record Park(@Schema(example = "wuzhou-circular-economy-park") String id,
                       @Schema(example = "梧州循环经济产业园区") String zh,
                       @Schema(example = "Wuzhou Circular Economy Industrial Park") String en,
                       @Schema(description = "GB/T 2260 code of the city or county it lies in", example = "450400") String regionCode) {
    }
}
