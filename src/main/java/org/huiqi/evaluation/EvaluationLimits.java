package org.huiqi.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * When an evaluation is stopped as a runaway. The one definition of both limits: the service's
 * configuration defaults, the staff commands and the tests all read them from here.
 *
 * <p>The firing cap is per rule and per fact, not per evaluation: a legitimate rule fires about
 * once for each fact it matches (the enterprise, each project), so a catalog of any size and a
 * profile with any accepted number of projects stays far below it, while a rule that re-triggers
 * itself passes it within milliseconds (a loop that re-triggers every rule of the catalog takes
 * 20 rounds of the catalog to catch, then the culprit is named). The deadline catches what counting cannot: rules that
 * take turns, or a consequence that is merely slow.
 *
 * @param firingsPerRuleAndFact how often one rule may fire per fact inserted (enterprise, tables, projects)
 * @param deadline              how long one evaluation may run
 */
public record EvaluationLimits(int firingsPerRuleAndFact, Duration deadline) {
    public static final String FIRINGS_PER_RULE_AND_FACT = "policy.evaluation.max-firings-per-rule-and-fact";
    public static final String DEFAULT_FIRINGS_PER_RULE_AND_FACT = "20";
    public static final String DEADLINE = "policy.evaluation.deadline";
    public static final String DEFAULT_DEADLINE = "PT5S";

    public static final EvaluationLimits DEFAULT = new EvaluationLimits(
            Integer.parseInt(DEFAULT_FIRINGS_PER_RULE_AND_FACT), Duration.parse(DEFAULT_DEADLINE));

    /**
     * The limits as configured, for code that runs without Quarkus (the staff commands, the scenario
     * suite of {@code mvn verify}): the same keys with the same overrides Quarkus applies (a system
     * property, then the environment variable), then application.properties, then the defaults, so
     * a rule set the reload gate rejects for looping never passes offline, and the other way round.
     */
    public static EvaluationLimits configured() {
        Properties application = new Properties();
        try (InputStream in = EvaluationLimits.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) application.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EvaluationLimits(
                Integer.parseInt(setting(FIRINGS_PER_RULE_AND_FACT, application, DEFAULT_FIRINGS_PER_RULE_AND_FACT)),
                Duration.parse(setting(DEADLINE, application, DEFAULT_DEADLINE)));
    }

    private static String setting(String key, Properties application, String fallback) {
        String env = key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        String value = System.getProperty(key, System.getenv(env));
        if (value == null) value = application.getProperty(key, fallback);
        return value.strip();
    }

    public EvaluationLimits {
        if (firingsPerRuleAndFact < 1) throw new IllegalArgumentException(FIRINGS_PER_RULE_AND_FACT + " must be at least 1");
        if (deadline.isNegative() || deadline.isZero()) throw new IllegalArgumentException(DEADLINE + " must be positive");
    }
}
