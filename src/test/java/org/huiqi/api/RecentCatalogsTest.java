package org.huiqi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.huiqi.rules.Measure;
import org.junit.jupiter.api.Test;

/** How long a replaced version's catalog stays readable, and what a caller is told after. */
class RecentCatalogsTest {
    private final MovingClock clock = new MovingClock();
    private final RecentCatalogs catalogs = new RecentCatalogs(clock);

    @Test
    void aReplacedVersionIsReadableForADayThenGone() {
        catalogs.activated("sha256:a", clock.instant(), List.of());
        catalogs.activated("sha256:b", clock.instant(), List.of());
        clock.advance(Duration.ofHours(RecentCatalogs.KEPT_HOURS).minusMinutes(1));
        assertThat(catalogs.kept("sha256:a").catalog()).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> catalogs.kept("sha256:a")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(410);
            assertThat(e.problem().errors()).extracting(Problem.FieldError::field).containsExactly("version");
        });
        assertThatThrownBy(() -> catalogs.kept("sha256:never")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(404);
            assertThat(e.problem().errors()).extracting(Problem.FieldError::field).containsExactly("version");
        });
    }

    @Test
    void aBusyDayKeepsOnlyTheLastVersions() {
        for (int i = 0; i <= RecentCatalogs.MAX_KEPT + 1; i++) catalogs.activated("sha256:" + i, clock.instant(), List.of());
        // MAX_KEPT + 1 versions were replaced: the oldest catalog is dropped, the next is kept.
        assertThatThrownBy(() -> catalogs.kept("sha256:0"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(410));
        assertThat(catalogs.kept("sha256:1").catalog()).isEmpty();
    }

    @Test
    void aVersionServedAgainIsServingNotReplaced() {
        catalogs.activated("sha256:a", clock.instant(), List.of());
        catalogs.activated("sha256:b", clock.instant(), List.of());
        catalogs.activated("sha256:a", clock.instant(), List.of()); // the edit undone
        clock.advance(Duration.ofDays(3));
        assertThatThrownBy(() -> catalogs.kept("sha256:b"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(410));
        assertThat(catalogs.kept("sha256:a").retiredAt()).as("serving, never expires").isNull();
    }

    @Test
    void aMeasureUnchangedBetweenVersionsIsHeldOnce() {
        catalogs.activated("sha256:a", clock.instant(), List.of(measure("M-1", "old"), measure("M-2", "same")));
        Measure same = catalogs.kept("sha256:a").catalog().get(1);
        catalogs.activated("sha256:b", clock.instant(), List.of(measure("M-1", "edited"), measure("M-2", "same")));
        List<Measure> edited = catalogs.kept("sha256:b").catalog();
        assertThat(edited.get(1)).as("the copy read again by the new build is not kept beside the old one").isSameAs(same);
        assertThat(edited.get(0).jurisdiction()).isEqualTo("edited");
    }

    /** A measure as a build reads it: a new instance each time. */
    private static Measure measure(String id, String jurisdiction) {
        return new Measure(id, null, Measure.BenefitKind.CASH, null, null, null, null, null, true, null, Measure.Basis.EXACT, null,
                false, List.of(), null, new String(jurisdiction), "x.drl", null, false, List.of());
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-04T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
