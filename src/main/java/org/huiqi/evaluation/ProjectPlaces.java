package org.huiqi.evaluation;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.huiqi.evaluation.facts.Places;
import org.huiqi.profile.Profile;

/**
 * Where the projects of a profile that lists none were presumed to be. Unknown is not "no": the
 * enterprise did not say its projects are all at home, so the answer says which places it was
 * given the per-project measures of, and which question would replace the presumption.
 */
@Schema(description = "Where the projects of a profile that lists none were presumed to be: only the per-project measures of "
        + "these places are listed.")
public record ProjectPlaces(
        @Schema(description = "GB/T 2260 codes and region-group ids: the enterprise's place, its city and province, and the groups "
                + "holding it", example = "[\"450403\", \"450400\", \"450000\"]") List<String> presumed,
        Text note,
        @Schema(description = "The profile field whose answer replaces the presumption", example = "projectsElsewhere") String question) {

    static final String QUESTION = "projectsElsewhere";

    /** The presumption made for this profile, or null when it lists projects, answered the question, or has no place. */
    static ProjectPlaces of(Profile profile, Places places) {
        if (profile.projects() != null || profile.projectsElsewhere() != null || profile.regionCode() == null) return null;
        List<String> presumed = places.around(profile.regionCode());
        String zh = String.join("、", presumed.stream().map(places::name).toList());
        String en = String.join(", ", presumed.stream().map(places::nameEn).toList());
        return new ProjectPlaces(presumed, Text.of(
                "未填写投资项目，项目类措施只列出注册地的：" + zh + "。在外地有投资项目请回答“在外地有投资项目吗”，或填写项目及其所在地。",
                "No projects listed: only the project measures of the place of registration are shown: " + en
                        + ". If you have projects elsewhere, answer \"projects outside your place of registration?\" or list the projects and their places."),
                QUESTION);
    }
}
