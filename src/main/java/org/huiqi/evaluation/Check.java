package org.huiqi.evaluation;

import java.util.List;

/**
 * The outcome of testing one condition against the profile, with what it saw and what it
 * wanted. Composite checks keep their parts so an explanation can show which branch decided.
 *
 * @param missing the absent fields that would decide this check (empty unless UNKNOWN)
 */
public record Check(Outcome outcome, Object actual, String required, List<String> fields,
                    List<String> missing, Text label, List<Check> parts) {

    public Check {
        fields = List.copyOf(fields);
        missing = outcome == Outcome.UNKNOWN ? List.copyOf(missing) : List.of();
        parts = List.copyOf(parts);
    }

    static Check leaf(Outcome outcome, Object actual, String required, List<String> fields, List<String> missing) {
        return new Check(outcome, actual, required, fields, missing, null, List.of());
    }

    public Check labelled(Text text) {
        return new Check(outcome, actual, required, fields, missing, text, parts);
    }

    public boolean met() {
        return outcome == Outcome.MET;
    }

    /** How many parts are MET: the count of qualifying items where each adds to an award. */
    public Num metParts() {
        long count = parts.stream().filter(Check::met).count();
        return Num.constant(count);
    }
}
