package org.huiqi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huiqi.evaluation.MeasureResult.Status;
import org.huiqi.profile.Profile;
import org.huiqi.profile.ProfileJson;
import org.huiqi.rules.RuleFiles;
import org.huiqi.rules.RuleSet;
import org.huiqi.rules.RuleSetCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An enterprise that lists no projects is given the per-project measures of its own place, not
 * those of every province as "missing: projects"; the answer says which places were presumed, and
 * one answer (projectsElsewhere) or the projects themselves open the rest. On the project's rules:
 * the national CN-EIT-ENV-3F3H is a per-project measure of every place, HZ-STORAGE-DEMO (Huizhou),
 * GD-MFG-INVEST-2PCT (Guangdong) and ZJ-LOW-RISK-20D (Zhejiang) are other provinces'.
 */
class ProjectPlacesTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);
    private static final List<String> ELSEWHERE = List.of("HZ-STORAGE-DEMO", "GD-MFG-INVEST-2PCT", "ZJ-LOW-RISK-20D", "SC-LAND-START");
    private static RuleSet ruleSet;
    private final Evaluator evaluator = new Evaluator(EvaluationLimits.DEFAULT);

    @BeforeAll
    static void build() {
        ruleSet = new RuleSetCompiler().compile(RuleFiles.read(Path.of("rules")));
    }

    @Test
    void aWuzhouEnterpriseWithoutProjectsGetsTheProjectMeasuresOfItsOwnPlaceOnlyAndIsToldWhere() {
        Evaluation answer = evaluate(wuzhou(), false);

        assertThat(ids(answer)).doesNotContainAnyElementsOf(ELSEWHERE).as("its own city's measures").contains("WZ-XSG");
        MeasureResult national = result(answer, "CN-EIT-ENV-3F3H");
        assertThat(national.status()).isEqualTo(Status.NEEDS_INFO);
        assertThat(national.missingFields()).contains("projects");
        assertThat(answer.projectPlaces().presumed()).containsExactly("450403", "450400", "450000", "western-region");
        assertThat(answer.projectPlaces().question()).isEqualTo("projectsElsewhere");
        assertThat(answer.projectPlaces().note().zh()).contains("梧州市 (450400)", "在外地有投资项目吗");
        assertThat(answer.projectPlaces().note().en()).contains("Wuzhou (450400)");
    }

    @Test
    void otherPlacesProjectMeasuresDoNotEvenFire() {
        var skipped = evaluator.skipped(ruleSet, AS_OF, profile(wuzhou()), false);
        assertThat(skipped).containsAll(ELSEWHERE).doesNotContain("CN-EIT-ENV-3F3H");
    }

    @Test
    void explainAllStillListsTheProjectMeasuresOfOtherPlaces() {
        Evaluation answer = evaluate(wuzhou(), true);

        assertThat(ids(answer)).containsAll(ELSEWHERE);
        assertThat(result(answer, "HZ-STORAGE-DEMO").failedCriteria()).containsExactly("region");
    }

    @Test
    void sayingItHasProjectsElsewhereOpensTheRestAsQuestionsNotAsNo() {
        Map<String, Object> profile = wuzhou();
        profile.put("projectsElsewhere", true);
        Evaluation answer = evaluate(profile, false);

        MeasureResult huizhou = result(answer, "HZ-STORAGE-DEMO");
        assertThat(huizhou.status()).isEqualTo(Status.NEEDS_INFO);
        assertThat(huizhou.missingFields()).containsExactly("projects");
        assertThat(ids(answer)).containsAll(ELSEWHERE);
        assertThat(answer.projectPlaces()).as("nothing presumed").isNull();
    }

    @Test
    void sayingItHasNoneElsewhereKeepsOwnPlaceWithoutAPresumption() {
        Map<String, Object> profile = wuzhou();
        profile.put("projectsElsewhere", false);
        Evaluation answer = evaluate(profile, false);

        assertThat(ids(answer)).doesNotContainAnyElementsOf(ELSEWHERE).contains("CN-EIT-ENV-3F3H");
        assertThat(answer.projectPlaces()).isNull();
    }

    @Test
    void aListedProjectBringsTheMeasuresOfItsOwnPlace() {
        Map<String, Object> profile = wuzhou();
        profile.put("projects", List.of(Map.of("id", "d1", "regionCode", "441300", "kind", "ENERGY_STORAGE_DEMO")));
        Evaluation answer = evaluate(profile, false);

        assertThat(answer.results()).anyMatch(r -> r.measureId().equals("HZ-STORAGE-DEMO") && "d1".equals(r.projectId())
                && r.status() == Status.NEEDS_INFO);
        assertThat(ids(answer)).doesNotContain("ZJ-LOW-RISK-20D");
        assertThat(answer.projectPlaces()).isNull();
    }

    @Test
    void projectsListedByAnEnterpriseThatGivesNoRegionBringTheirOwnPlaces() {
        // No region of its own: the projects' places still decide, and nothing is presumed.
        Map<String, Object> fields = Map.of("industryCode", "C3441",
                "projects", List.of(Map.of("id", "land1", "regionCode", "331123", "kind", "MANUFACTURING")));
        Evaluation answer = evaluate(fields, false);
        assertThat(ids(answer)).contains("SC-LAND-START").doesNotContain("HZ-STORAGE-DEMO", "GD-MFG-INVEST-2PCT");
        assertThat(answer.projectPlaces()).isNull();
    }

    private static Map<String, Object> wuzhou() {
        return new HashMap<>(Map.of("regionCode", "450403", "industryCode", "C4210"));
    }

    private static Profile profile(Map<String, Object> fields) {
        return ProfileJson.configure(new ObjectMapper()).convertValue(fields, Profile.class);
    }

    private Evaluation evaluate(Map<String, Object> fields, boolean explainAll) {
        return evaluator.evaluate(ruleSet, AS_OF, profile(fields), explainAll);
    }

    private static List<String> ids(Evaluation answer) {
        return answer.results().stream().map(MeasureResult::measureId).toList();
    }

    private static MeasureResult result(Evaluation answer, String id) {
        return answer.results().stream().filter(r -> r.measureId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not listed"));
    }
}
