package org.huiqi.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.huiqi.rules.ActiveRuleSet;
import org.huiqi.rules.RuleSet;

/** The rule set a request works with, fixed when the request starts. */
@ApplicationScoped
public class RuleSets {
    private final ActiveRuleSet active;

    public RuleSets(ActiveRuleSet active) {
        this.active = active;
    }

    public RuleSet serving() {
        return active.current().orElseThrow(() -> new ProblemException(Problem.of("not-ready", "No rule set", 503,
                "no rule set has been built yet; see GET /api/v1/ruleset for the errors")));
    }
}
