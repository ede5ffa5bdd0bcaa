package org.huiqi.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The one loop limit of an evaluation, {@code policy.evaluation.max-rule-firings} in
 * application.properties. The service reads it through Quarkus config; the staff commands (run
 * before Quarkus starts) and the scenario suite of {@code mvn verify} read the same key here, with
 * the same overrides (a system property, or the environment variable Quarkus would map), so a rule
 * set the reload gate rejects for looping never passes offline, and the other way round.
 */
public final class RuleFiringLimit {
    public static final String KEY = "policy.evaluation.max-rule-firings";
    private static final String ENV = "POLICY_EVALUATION_MAX_RULE_FIRINGS";

    private RuleFiringLimit() {
    }

    public static int configured() {
        String value = System.getProperty(KEY, System.getenv(ENV));
        if (value == null) value = fromApplicationProperties();
        return Integer.parseInt(value.strip());
    }

    private static String fromApplicationProperties() {
        try (InputStream in = RuleFiringLimit.class.getClassLoader().getResourceAsStream("application.properties")) {
            Properties properties = new Properties();
            if (in != null) properties.load(in);
            String value = properties.getProperty(KEY);
            if (value == null) throw new IllegalStateException(KEY + " is not set in application.properties");
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
