package org.huiqi.evaluation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The words rule files use to state a condition. Each returns a three-valued {@link Check}:
 * an absent input gives UNKNOWN, never "no". Rule files import these as functions:
 * {@code import function org.huiqi.evaluation.Criteria.atLeast}.
 */
public final class Criteria {
    private Criteria() {
    }

    /** actual ≥ threshold. */
    public static Check atLeast(Num actual, Number threshold) {
        return compare(actual, ">= ", threshold, c -> c >= 0);
    }

    /** actual ≤ threshold. */
    public static Check atMost(Num actual, Number threshold) {
        return compare(actual, "<= ", threshold, c -> c <= 0);
    }

    /** actual &gt; threshold. */
    public static Check above(Num actual, Number threshold) {
        return compare(actual, "> ", threshold, c -> c > 0);
    }

    /** actual &lt; threshold. */
    public static Check below(Num actual, Number threshold) {
        return compare(actual, "< ", threshold, c -> c < 0);
    }

    /** actual = expected. */
    public static Check equalTo(Num actual, Number expected) {
        return compare(actual, "= ", expected, c -> c == 0);
    }

    /** The answer at {@code field} (an enumeration's name) is one of {@code wanted}; UNKNOWN while not given. */
    public static Check oneOf(String actual, String field, String... wanted) {
        String required = "one of " + String.join(", ", wanted);
        if (actual == null) return unknown(required, List.of(field));
        return when(List.of(wanted).contains(actual), actual, required, field);
    }

    /** low ≤ actual ≤ high. */
    public static Check between(Num actual, Number low, Number high) {
        Check result = allOf(atLeast(actual, low), atMost(actual, high));
        return Check.leaf(result.outcome(), actual.display(), "[" + plain(low) + ", " + plain(high) + "]",
                actual.fields(), result.outcome() == Outcome.UNKNOWN ? actual.missing() : List.of());
    }

    public static Check isTrue(Flag flag) {
        return flag(flag, true);
    }

    public static Check isFalse(Flag flag) {
        return flag(flag, false);
    }

    /** Every part must be MET; one NOT_MET decides NOT_MET. */
    public static Check allOf(Check... parts) {
        Outcome outcome = Outcome.MET;
        for (Check part : parts) outcome = outcome.and(part.outcome());
        return composite(outcome, "all of", parts).withUnconfirmed(Arrays.stream(parts).anyMatch(Check::metUnconfirmed));
    }

    /** One MET part is enough; NOT_MET only when every part is NOT_MET. */
    public static Check anyOf(Check... parts) {
        Outcome outcome = Outcome.NOT_MET;
        for (Check part : parts) outcome = outcome.or(part.outcome());
        // unconfirmed only when no confirmed part is MET: a confirmed branch decides on its own
        boolean unconfirmed = Arrays.stream(parts).filter(Check::met).allMatch(Check::metUnconfirmed);
        return composite(outcome, "any of", parts).withUnconfirmed(unconfirmed);
    }

    /**
     * A reading of the text not confirmed against the official source ([U]): when the measure is
     * met only through it, the result says "to be confirmed with the issuing office".
     */
    public static Check unconfirmed(Check check) {
        return check.withUnconfirmed(true);
    }

    /** The negation: for exclusions ("has not ..."). */
    public static Check not(Check check) {
        return new Check(check.outcome().not(), check.actual(), "not " + check.required(), check.fields(),
                check.missing(), check.label(), check.parts());
    }

    /** Names a part of a composite condition so explanations can say which branch held. */
    public static Check part(String zh, String en, Check check) {
        return check.labelled(Text.of(zh, en));
    }

    /**
     * Points from a scoring table, read top-down: {@code points(cond1, pts1, cond2, pts2, ..., otherwise)}.
     * The first MET condition gives its points; a condition that is UNKNOWN before any MET one
     * leaves the points unknown; when none is MET the last number applies.
     */
    public static Num points(Object... conditionsAndPoints) {
        if (conditionsAndPoints.length % 2 == 0) {
            throw new IllegalArgumentException("points(...) needs condition, points pairs and a final 'otherwise' number");
        }
        List<String> fields = List.of();
        for (int i = 0; i + 1 < conditionsAndPoints.length; i += 2) {
            Check condition = (Check) conditionsAndPoints[i];
            fields = Num.union(fields, condition.fields());
            if (condition.outcome() == Outcome.UNKNOWN) return pointsStillPossible(conditionsAndPoints, i, condition.missing());
            if (condition.met()) return Num.constant((Number) conditionsAndPoints[i + 1]).from(fields);
        }
        return Num.constant((Number) conditionsAndPoints[conditionsAndPoints.length - 1]).from(fields);
    }

    /**
     * Unknown points, but within the least and most of what the table can still give from row
     * {@code from} on: a total score that cannot reach its threshold even at those is decided.
     */
    private static Num pointsStillPossible(Object[] conditionsAndPoints, int from, List<String> missing) {
        BigDecimal least = null;
        BigDecimal most = null;
        boolean reachesOtherwise = true;
        for (int i = from; i + 1 < conditionsAndPoints.length; i += 2) {
            Check condition = (Check) conditionsAndPoints[i];
            if (condition.outcome() == Outcome.NOT_MET) continue;
            // Each open row's answer narrows the points (an expert-only first row must not hide the others).
            if (condition.outcome() == Outcome.UNKNOWN) missing = Num.union(missing, condition.missing());
            BigDecimal p = Num.toDecimal((Number) conditionsAndPoints[i + 1]);
            least = least == null ? p : least.min(p);
            most = most == null ? p : most.max(p);
            if (condition.met()) {
                reachesOtherwise = false;
                break;
            }
        }
        if (reachesOtherwise) {
            BigDecimal otherwise = Num.toDecimal((Number) conditionsAndPoints[conditionsAndPoints.length - 1]);
            least = least == null ? otherwise : least.min(otherwise);
            most = most == null ? otherwise : most.max(otherwise);
        }
        return Num.unknownWithin(missing, least, most);
    }

    /** A condition the rule has already decided in Java terms, with what it saw. */
    public static Check when(boolean met, Object actual, String required, String... fields) {
        return Check.leaf(Outcome.of(met), actual, required, List.of(fields), List.of());
    }

    /** UNKNOWN until {@code fields} are given. */
    public static Check unknown(String required, List<String> fields) {
        return Check.leaf(Outcome.UNKNOWN, null, required, fields, fields);
    }

    private static Check composite(Outcome outcome, String required, Check... parts) {
        List<String> fields = List.of();
        List<String> missing = List.of();
        for (Check part : parts) {
            fields = Num.union(fields, part.fields());
            if (part.outcome() == Outcome.UNKNOWN) missing = Num.union(missing, part.missing());
        }
        long met = Arrays.stream(parts).filter(Check::met).count();
        String actual = met + " of " + parts.length + " met";
        return new Check(outcome, actual, required + " " + parts.length, fields, missing, null, Arrays.asList(parts));
    }

    private interface Comparison {
        boolean holds(int compareTo);
    }

    private static Check compare(Num actual, String operator, Number threshold, Comparison comparison) {
        String required = operator + plain(threshold);
        if (actual.undefined()) {
            return Check.leaf(Outcome.NOT_MET, actual.display(), required, actual.fields(), List.of());
        }
        if (!actual.known()) {
            // Partly answered: decided when every value the range allows compares alike. The
            // comparisons are monotone, so the range's ends tell: for ">=" its least value, and so on.
            Outcome decided = byRange(actual.low(), actual.high(), operator, comparison, Num.toDecimal(threshold));
            if (decided != Outcome.UNKNOWN) return Check.leaf(decided, range(actual), required, actual.fields(), List.of());
            return Check.leaf(Outcome.UNKNOWN, null, required, actual.fields(), actual.missing());
        }
        boolean met = comparison.holds(actual.value().compareTo(Num.toDecimal(threshold)));
        return Check.leaf(Outcome.of(met), actual.display(), required, actual.fields(), List.of());
    }

    private static Outcome byRange(BigDecimal low, BigDecimal high, String operator, Comparison comparison, BigDecimal t) {
        boolean upward = operator.startsWith(">");
        boolean downward = operator.startsWith("<");
        BigDecimal metEnd = upward ? low : downward ? high : null;
        BigDecimal failEnd = upward ? high : downward ? low : null;
        if (metEnd != null && comparison.holds(metEnd.compareTo(t))) return Outcome.MET;
        if (failEnd != null && !comparison.holds(failEnd.compareTo(t))) return Outcome.NOT_MET;
        boolean outside = (low != null && low.compareTo(t) > 0) || (high != null && high.compareTo(t) < 0);
        return !upward && !downward && outside ? Outcome.NOT_MET : Outcome.UNKNOWN;
    }

    /** How a partly known value shows: the range the answered parts allow, e.g. "[2100, …]". */
    private static String range(Num actual) {
        return "[" + (actual.low() == null ? "…" : plain(actual.low())) + ", " + (actual.high() == null ? "…" : plain(actual.high())) + "]";
    }

    private static Check flag(Flag flag, boolean wanted) {
        List<String> fields = List.of(flag.field());
        if (!flag.known()) return Check.leaf(Outcome.UNKNOWN, null, String.valueOf(wanted), fields, fields);
        return Check.leaf(Outcome.of(flag.value() == wanted), flag.value(), String.valueOf(wanted), fields, List.of());
    }

    private static String plain(Number n) {
        BigDecimal d = Num.toDecimal(n).stripTrailingZeros();
        return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
    }
}
