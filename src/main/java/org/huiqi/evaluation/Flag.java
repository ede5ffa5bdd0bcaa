package org.huiqi.evaluation;

/** A yes/no answer from the profile; null means the enterprise did not say. */
public record Flag(Boolean value, String field) {
    public static Flag input(Boolean value, String field) {
        return new Flag(value, field);
    }

    public boolean known() {
        return value != null;
    }
}
