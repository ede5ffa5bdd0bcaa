package org.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A name the application lacks is asked of its class loader once, not at every rule build. */
class RememberedMissesTest {
    private final List<String> asked = new ArrayList<>();
    private final ClassLoader application = new ClassLoader(getClass().getClassLoader()) {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }
    };

    @Test
    void aMissingNameIsAskedOnceAndStaysMissing() {
        RememberedMisses classes = new RememberedMisses(application);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> classes.loadClass("org.huiqi.evaluation.facts.Enterprise$zh"))
                    .isInstanceOf(ClassNotFoundException.class);
        }
        assertThat(asked).containsExactly("org.huiqi.evaluation.facts.Enterprise$zh");
    }

    @Test
    void theApplicationsClassesAreFoundAsBefore() throws ClassNotFoundException {
        RememberedMisses classes = new RememberedMisses(application);
        assertThat(classes.loadClass("org.huiqi.evaluation.facts.Enterprise"))
                .isSameAs(org.huiqi.evaluation.facts.Enterprise.class);
    }
}
