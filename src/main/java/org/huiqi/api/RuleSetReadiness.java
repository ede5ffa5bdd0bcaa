package org.huiqi.api;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.huiqi.rules.ActiveRuleSet;

/**
 * Ready only once a rule set is serving: a pod with broken rules gets no traffic.
 *
 * <p>Asynchronous on purpose: Quarkus runs a plain {@code HealthCheck} on the worker pool the API
 * uses, so when API requests held every worker the readiness probe waited behind them and the pod
 * was taken out of service. Reading the active rule set does not block, so this answers on the
 * management port's event loop, whatever the workers are doing.
 */
@Readiness
@ApplicationScoped
public class RuleSetReadiness implements AsyncHealthCheck {
    private final ActiveRuleSet active;

    public RuleSetReadiness(ActiveRuleSet active) {
        this.active = active;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().item(this::now);
    }

    private HealthCheckResponse now() {
        return active.current()
                .map(rs -> HealthCheckResponse.named("rule-set").up().withData("version", rs.version()).build())
                .orElseGet(() -> HealthCheckResponse.named("rule-set").down()
                        .withData("errors", active.lastReload() == null ? 0 : active.lastReload().errors().size()).build());
    }
}
