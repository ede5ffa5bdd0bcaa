package org.huiqi.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.huiqi.fields.FieldCatalog;
import org.huiqi.profile.InputBounds;

/**
 * A number the rules read: either known, or unknown because some input is absent. It remembers
 * the profile fields it came from, so a criterion can say what it read and what is missing.
 * A derived figure whose denominator is zero is known to be undefined: every comparison on it
 * fails rather than guessing (a ratio of nothing cannot meet a threshold).
 *
 * <p>An unknown number still has a range: an unanswered R&D expense is not negative, a score not
 * above 100 ({@link InputBounds}, from the profile's own constraints), and sums, differences and
 * scaling carry the range along. So a sum whose known parts already reach a threshold is MET, and
 * one that cannot reach it even at the largest allowed values is NOT_MET, with the rest unknown.
 */
public final class Num {
    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Up to this many names, comparing every pair costs less than hashing them. */
    private static final int FEW = 8;

    private final BigDecimal value;
    private final List<String> fields;
    private final List<String> missing;
    private final boolean undefined;
    /** What is known of an unknown value: at least {@code low}, at most {@code high} (null: no bound). */
    private final BigDecimal low;
    private final BigDecimal high;
    /** Why the value is not known when no answer would make it known (a table without the row). */
    private final Text reason;

    /** Ranges by concrete path: the paths rules read are few (fields × years × list positions). */
    private static final Map<String, InputBounds.Range> RANGES = new ConcurrentHashMap<>();

    private Num(BigDecimal value, List<String> fields, List<String> missing, boolean undefined) {
        this(value, fields, missing, undefined, value, value);
    }

    private Num(BigDecimal value, List<String> fields, List<String> missing, boolean undefined, BigDecimal low, BigDecimal high) {
        this(value, fields, missing, undefined, low, high, null);
    }

    private Num(BigDecimal value, List<String> fields, List<String> missing, boolean undefined, BigDecimal low, BigDecimal high,
                Text reason) {
        this.value = reason == null ? value : null;
        this.fields = List.copyOf(fields);
        this.missing = List.copyOf(missing);
        this.undefined = undefined;
        this.low = undefined || reason != null ? null : low;
        this.high = undefined || reason != null ? null : high;
        this.reason = reason;
    }

    /** A profile input at {@code field}; null means the enterprise did not say (within the field's allowed range). */
    public static Num input(Number value, String field) {
        if (value == null) {
            InputBounds.Range range = RANGES.computeIfAbsent(field, f -> InputBounds.of(FieldCatalog.pattern(f)));
            return new Num(null, List.of(field), List.of(field), false, range.low(), range.high());
        }
        return new Num(toDecimal(value), List.of(field), List.of(), false);
    }

    /** A number the rule states itself, not read from the profile. */
    public static Num constant(Number value) {
        return new Num(toDecimal(value), List.of(), List.of(), false);
    }

    /** Unknown until {@code fields} are given. */
    public static Num unknown(List<String> fields) {
        return new Num(null, fields, fields, false, null, null);
    }

    /** Unknown until {@code fields} are given, but known to lie in [low, high] (either may be null: unbounded). */
    static Num unknownWithin(List<String> fields, BigDecimal low, BigDecimal high) {
        return new Num(null, fields, fields, false, low, high);
    }

    /**
     * Not known, and no answer of the enterprise would make it known: {@code reason} says why (a
     * table has no row for the key). Calculations with it stay unknown and keep the reason, so an
     * amount is never silently missing.
     */
    public static Num unknownBecause(Text reason, List<String> fields) {
        return new Num(null, fields, List.of(), false, null, null, reason);
    }

    /** The same value, recorded as derived from {@code sources}. */
    public Num from(List<String> sources) {
        return new Num(value, union(fields, sources), missing, undefined, low, high, reason);
    }

    /** Why this is unknown when no missing answer is the cause; null otherwise. */
    public Text reason() {
        return missing.isEmpty() ? reason : null;
    }

    /** The least the value can be, known or not; null when unbounded below or undefined. */
    BigDecimal low() {
        return low;
    }

    /** The most the value can be, known or not; null when unbounded above or undefined. */
    BigDecimal high() {
        return high;
    }

    public boolean known() {
        return missing.isEmpty() && !undefined && value != null;
    }

    public boolean undefined() {
        return missing.isEmpty() && undefined && reason == null;
    }

    public BigDecimal value() {
        return known() ? value : null;
    }

    public List<String> fields() {
        return fields;
    }

    public List<String> missing() {
        return missing;
    }

    public Num plus(Num other) {
        return combine(other, value == null || other.value == null ? null : value.add(other.value), false,
                add(low, other.low), add(high, other.high));
    }

    public Num minus(Num other) {
        return combine(other, value == null || other.value == null ? null : value.subtract(other.value), false,
                subtract(low, other.high), subtract(high, other.low));
    }

    public Num times(Number factor) {
        return times(constant(factor));
    }

    public Num times(Num other) {
        BigDecimal result = value == null || other.value == null ? null : value.multiply(other.value);
        // Ranges multiply simply only when neither side can be negative; otherwise the range is given up.
        boolean nonNegative = low != null && low.signum() >= 0 && other.low != null && other.low.signum() >= 0;
        return nonNegative
                ? combine(other, result, false, low.multiply(other.low), multiply(high, other.high))
                : combine(other, result, false, null, null);
    }

    /** This as a percentage of {@code whole}: 3 means 3%. */
    public Num percentOf(Num whole) {
        return divide(whole, HUNDRED);
    }

    /** Percentage growth of this over {@code previous}: 10 means up 10%. */
    public Num growthOver(Num previous) {
        return minus(previous).divide(previous, HUNDRED);
    }

    public Num dividedBy(Number divisor) {
        return divide(constant(divisor), BigDecimal.ONE);
    }

    /** The smaller of this and {@code cap}: an award "up to" a cap. */
    public Num atMost(Number cap) {
        if (value == null) {
            // Unknown stays unknown; a cap only narrows the range (as before ranges, a missing cap is not read).
            if (cap == null) return this;
            BigDecimal c = toDecimal(cap);
            return new Num(null, fields, missing, undefined, low == null ? null : low.min(c), high == null ? c : high.min(c), reason);
        }
        return new Num(value.min(toDecimal(cap)), fields, missing, undefined);
    }

    /** The larger of this and {@code floor}: "no less than zero" for a saving or an increase. */
    public Num atLeast(Number floor) {
        if (value == null) {
            if (floor == null) return this;
            BigDecimal f = toDecimal(floor);
            return new Num(null, fields, missing, undefined, low == null ? f : low.max(f), high == null ? null : high.max(f), reason);
        }
        return new Num(value.max(toDecimal(floor)), fields, missing, undefined);
    }

    private Num divide(Num divisor, BigDecimal scale) {
        boolean bothKnown = value != null && divisor.value != null;
        if (bothKnown && divisor.value.signum() == 0) return combine(divisor, null, true, null, null);
        BigDecimal result = bothKnown
                ? value.multiply(scale).divide(divisor.value, PRECISION)
                : null;
        // An unknown share of a known positive whole keeps its range; an unknown whole gives it up.
        boolean byKnownPositive = divisor.value != null && divisor.value.signum() > 0;
        return byKnownPositive
                ? combine(divisor, result, false, scaled(low, scale, divisor.value), scaled(high, scale, divisor.value))
                : combine(divisor, result, false, null, null);
    }

    private static BigDecimal scaled(BigDecimal bound, BigDecimal scale, BigDecimal divisor) {
        return bound == null ? null : bound.multiply(scale).divide(divisor, PRECISION);
    }

    private Num combine(Num other, BigDecimal result, boolean divisionByZero, BigDecimal low, BigDecimal high) {
        List<String> allFields = union(fields, other.fields);
        List<String> allMissing = union(missing, other.missing);
        boolean isUndefined = divisionByZero || undefined || other.undefined;
        BigDecimal known = allMissing.isEmpty() && !isUndefined ? result : null;
        Text why = reason != null ? reason : other.reason;
        return known != null && why == null
                ? new Num(known, allFields, allMissing, false)
                : new Num(null, allFields, allMissing, isUndefined, low, high, why);
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.add(b);
    }

    private static BigDecimal subtract(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.subtract(b);
    }

    private static BigDecimal multiply(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.multiply(b);
    }

    /**
     * The names of both lists, each once, in order. Most unions add nothing new (a condition made
     * of parts that read the same fields): those return a list already made, as evaluations call
     * this for every part of every criterion.
     */
    static List<String> union(List<String> a, List<String> b) {
        if (a.size() <= FEW && b.size() <= FEW) {
            if (distinct(a) && a.containsAll(b)) return List.copyOf(a);
            if (a.isEmpty() && distinct(b)) return List.copyOf(b);
        }
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static boolean distinct(List<String> names) {
        for (int i = 1; i < names.size(); i++) {
            if (names.subList(0, i).contains(names.get(i))) return false;
        }
        return true;
    }

    static BigDecimal toDecimal(Number n) {
        if (n instanceof BigDecimal d) return d;
        if (n instanceof Integer || n instanceof Long) return BigDecimal.valueOf(n.longValue());
        return new BigDecimal(n.toString());
    }

    /**
     * How the value appears in explanations: a plain number rounded to 4 decimals, "undefined", or
     * null (unknown). Comparisons use the full value, so 9.99999 never passes for 10.
     */
    public Object display() {
        if (known()) {
            BigDecimal shown = value.setScale(Math.min(value.scale(), 4), RoundingMode.HALF_UP).stripTrailingZeros();
            return shown.scale() < 0 ? shown.setScale(0) : shown;
        }
        return undefined() ? "undefined (divides by zero)" : null;
    }

    @Override
    public String toString() {
        return known() ? value.toPlainString() : undefined() ? "undefined" : reason() != null ? "unknown: " + reason.en() : "unknown" + missing;
    }
}
