package org.huiqi.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.huiqi.rules.ActiveRuleSet;

/** Ready only once a rule set is serving: a pod with broken rules gets no traffic. */
@Readiness
@ApplicationScoped
public class RuleSetReadiness implements HealthCheck {
    private final ActiveRuleSet active;

    public RuleSetReadiness(ActiveRuleSet active) {
        this.active = active;
    }

    @Override
    public HealthCheckResponse call() {
        return active.current()
                .map(rs -> HealthCheckResponse.named("rule-set").up().withData("version", rs.version()).build())
                .orElseGet(() -> HealthCheckResponse.named("rule-set").down()
                        .withData("errors", active.lastReload() == null ? 0 : active.lastReload().errors().size()).build());
    }
}
