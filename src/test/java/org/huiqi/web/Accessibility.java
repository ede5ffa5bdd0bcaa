package org.huiqi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * axe-core (pinned through the test classpath, never fetched) run inside the page: serious and
 * critical violations fail the test. Evaluated through the DevTools protocol, so the page's
 * content security policy, which allows no inline script, does not block it.
 */
final class Accessibility {
    private static final String AXE = read();

    private Accessibility() {
    }

    static void assertNoSeriousViolations(Page page, String where) {
        if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) page.evaluate(AXE);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate(
                "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                        + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))");
        assertThat(violations).as("serious or critical accessibility violations (axe-core) on " + where).isEmpty();
    }

    private static String read() {
        try (InputStream in = Accessibility.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:playwright)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
