package org.huiqi.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.huiqi.evaluation.facts.Places;
import org.huiqi.evaluation.facts.Tables;
import org.kie.api.KieBase;

/**
 * One built, immutable rule set: the compiled rules, the catalog read from them, the reference
 * data and tables they use, the pick lists the web form offers, and the files they came from. Evaluations hold on to the instance they started
 * with, so a reload never changes a result half-way.
 *
 * @param version "sha256:…" over the files' paths and contents
 * @param rules   what evaluation needs to know about the rules, worked out once per build
 * @param inputs  the inputs declared in {@code *.inputs.yaml} files, by id
 */
public record RuleSet(String version, Instant loadedAt, String origin, KieBase kieBase,
                      Map<String, Measure> measures, Places places, Tables tables, PickLists pickLists,
                      RuleFiles files, MeasureRules rules, Map<String, InputDeclaration> inputs) {

    /** True when the reference data lists every GB/T 2260 code (reference/gbt2260.csv), so a code it lacks names no region. */
    public boolean knowsEveryRegion() {
        return files.contents().containsKey(ReferenceData.DIVISIONS);
    }

    public List<Measure> catalog() {
        return List.copyOf(measures.values());
    }
}
