package org.huiqi.evaluation;

import java.util.List;

/**
 * The outcome of testing one condition against the profile, with what it saw and what it
 * wanted. Composite checks keep their parts so an explanation can show which branch decided.
 *
 * @param missing the absent fields that would decide this check (empty unless UNKNOWN)
 */
public record Check(Outcome outcome, Object actual, String required, List<String> fields,
                    List<String> missing, Text label, List<Check> parts, boolean unconfirmed) {

    public Check {
        fields = List.copyOf(fields);
        missing = outcome == Outcome.UNKNOWN ? List.copyOf(missing) : List.of();
        parts = List.copyOf(parts);
    }

    public Check(Outcome outcome, Object actual, String required, List<String> fields, List<String> missing, Text label,
                 List<Check> parts) {
        this(outcome, actual, required, fields, missing, label, parts, false);
    }

    /**
     * MET only on a reading not confirmed against the official text ([U]): every MET path through
     * it passes an {@link Criteria#unconfirmed} part, so the result must say "to be confirmed".
     */
    public boolean metUnconfirmed() {
        return met() && unconfirmed;
    }

    static Check leaf(Outcome outcome, Object actual, String required, List<String> fields, List<String> missing) {
        return new Check(outcome, actual, required, fields, missing, null, List.of());
    }

    public Check labelled(Text text) {
        return new Check(outcome, actual, required, fields, missing, text, parts, unconfirmed);
    }

    Check withUnconfirmed(boolean flag) {
        return new Check(outcome, actual, required, fields, missing, label, parts, flag);
    }

    public boolean met() {
        return outcome == Outcome.MET;
    }

    /**
     * How many parts are MET: the count of qualifying items where each adds to an award. Unknown
     * while any part is UNKNOWN, since that part might add to the count.
     */
    public Num metParts() {
        List<String> undecided = parts.stream().filter(p -> p.outcome() == Outcome.UNKNOWN)
                .flatMap(p -> p.missing().stream()).distinct().toList();
        if (!undecided.isEmpty()) return Num.unknown(undecided);
        return Num.constant(parts.stream().filter(Check::met).count()).from(fields);
    }
}
