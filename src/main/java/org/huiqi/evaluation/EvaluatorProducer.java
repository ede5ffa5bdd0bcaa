package org.huiqi.evaluation;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One configured {@link Evaluator} for the whole service. */
public class EvaluatorProducer {
    @Produces
    @Singleton
    Evaluator evaluator(@ConfigProperty(name = RuleFiringLimit.KEY) int maxRuleFirings) {
        return new Evaluator(maxRuleFirings);
    }
}
