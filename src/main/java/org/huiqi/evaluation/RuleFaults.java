package org.huiqi.evaluation;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.runtime.rule.ConsequenceExceptionHandler;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleRuntime;

/**
 * Drools' consequence exception handler for every rule set: a consequence that throws is recorded
 * as a {@link RuleFault} and the evaluation goes on, instead of fireAllRules ending (which cost the
 * whole self-check, an HTTP 500, before). Drools makes one per session (one per evaluation), by
 * name; it keeps no state, so nothing here grows with the catalog or the traffic.
 *
 * <p>Only consequences are covered: conditions of staff rules compare fields with values and
 * call nothing (org.huiqi.rules.RuleSourceCheck), so they cannot throw.
 */
public final class RuleFaults implements ConsequenceExceptionHandler {
    /** Where the compiler writes rule files in its module; rule resources keep that prefix. */
    private static final String MODULE_RESOURCES = "src/main/resources/";

    /** Makes a KieBase built with {@code configuration} record faults through this class. */
    public static KieBaseConfiguration install(KieBaseConfiguration configuration) {
        configuration.setProperty("drools.consequenceExceptionHandler", RuleFaults.class.getName());
        return configuration;
    }

    @Override
    public void handleException(Match match, RuleRuntime session, Exception exception) {
        String rule = match.getRule().getName();
        session.insert(new RuleFault(RuleName.of(rule).measureId(), rule, file(match), reason(exception)));
    }

    private static String file(Match match) {
        if (!(match.getRule() instanceof RuleImpl impl) || impl.getResource() == null) return null;
        String path = impl.getResource().getSourcePath();
        if (path == null) return null;
        int at = path.indexOf(MODULE_RESOURCES);
        return at < 0 ? path : path.substring(at + MODULE_RESOURCES.length());
    }

    /** The innermost message, without the wrapping exceptions' Java names. */
    public static String reason(Throwable thrown) {
        Throwable root = thrown;
        for (Throwable t = thrown; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null) root = t;
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\b(?:[a-z_]\\w*\\.)+([A-Z]\\w*)", "$1").replaceAll("\\b\\w*(Exception|Error)\\b:?\\s*", "").strip();
    }
}
