package org.huiqi.evaluation;

/** Three-valued outcome of a criterion: UNKNOWN means an input it needs is absent, never "no". */
public enum Outcome {
    MET, NOT_MET, UNKNOWN;

    /** Kleene AND: one NOT_MET decides; otherwise any UNKNOWN leaves it open. */
    public Outcome and(Outcome other) {
        if (this == NOT_MET || other == NOT_MET) return NOT_MET;
        if (this == UNKNOWN || other == UNKNOWN) return UNKNOWN;
        return MET;
    }

    /** Kleene OR: one MET decides; otherwise any UNKNOWN leaves it open. */
    public Outcome or(Outcome other) {
        if (this == MET || other == MET) return MET;
        if (this == UNKNOWN || other == UNKNOWN) return UNKNOWN;
        return NOT_MET;
    }

    public Outcome not() {
        return switch (this) {
            case MET -> NOT_MET;
            case NOT_MET -> MET;
            case UNKNOWN -> UNKNOWN;
        };
    }

    public static Outcome of(boolean met) {
        return met ? MET : NOT_MET;
    }
}
