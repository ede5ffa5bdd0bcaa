package org.huiqi.impact;

import org.huiqi.evaluation.RuleFault;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * What a job's report says about a throwable from the draft's code. A draft is code written by
 * whoever holds the admin key and runs in the serving JVM: the message of what it throws is
 * arbitrary text (one could put the environment, and with it the API-key hashes, in it). So the
 * report names the rule, which staff need to find the fault, and never the message; the details
 * go to the server log.
 */
final class RuleFailure {
    static final String GENERIC = "规则在评估时出错 / a rule failed while evaluating";

    private RuleFailure() {
    }

    static String describe(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ConsequenceException consequence && consequence.getRule() != null) {
                return GENERIC + ": " + consequence.getRule().getPackageName() + " / " + consequence.getRule().getName();
            }
        }
        return GENERIC;
    }

    static String describe(RuleFault fault) {
        return GENERIC + ": " + fault.rule();
    }
}
