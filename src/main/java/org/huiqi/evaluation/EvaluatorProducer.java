package org.huiqi.evaluation;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One configured {@link Evaluator} for the whole service. */
public class EvaluatorProducer {
    @Produces
    @Singleton
    Evaluator evaluator(
            @ConfigProperty(name = EvaluationLimits.FIRINGS_PER_RULE_AND_FACT,
                    defaultValue = EvaluationLimits.DEFAULT_FIRINGS_PER_RULE_AND_FACT) int firingsPerRuleAndFact,
            @ConfigProperty(name = EvaluationLimits.DEADLINE, defaultValue = EvaluationLimits.DEFAULT_DEADLINE) Duration deadline) {
        return new Evaluator(new EvaluationLimits(firingsPerRuleAndFact, deadline));
    }
}
