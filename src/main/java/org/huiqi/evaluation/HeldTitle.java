package org.huiqi.evaluation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.huiqi.profile.Certification;
import org.huiqi.profile.Profile;

/** A recognition the profile says the enterprise holds, with how long it stays valid after asOf. */
@Schema(description = "A recognition listed in profile.certifications, with its validity on asOf: a title that has lapsed, "
        + "or lapses within " + MeasureResult.ENDING_SOON_DAYS + " days, says so.")
public record HeldTitle(
        @Schema(required = true, example = "SPECIALIZED_SME") Certification.Type type,
        @Schema(example = "2024-09-01") LocalDate recognizedOn,
        @Schema(description = "Last day valid: validUntil, else 3 years from recognizedOn; null when neither is given",
                example = "2027-08-31") LocalDate validUntil,
        @Schema(required = true, description = "VALID; ENDING_SOON (lapses within " + MeasureResult.ENDING_SOON_DAYS
                + " days); LAPSED; NOT_YET (recognised after asOf); UNKNOWN (no date given)") State state,
        @Schema(description = "Days from asOf to validUntil, when ENDING_SOON", example = "45") Integer daysLeft) {

    public enum State { VALID, ENDING_SOON, LAPSED, NOT_YET, UNKNOWN }

    static List<HeldTitle> of(Profile profile, LocalDate asOf) {
        if (profile.certifications() == null) return List.of();
        return profile.certifications().stream().filter(c -> c.type() != null).map(c -> of(c, asOf)).toList();
    }

    private static HeldTitle of(Certification c, LocalDate asOf) {
        LocalDate end = c.lastValidDay();
        if (end == null) return new HeldTitle(c.type(), c.recognizedOn(), null, State.UNKNOWN, null);
        if (c.recognizedOn() != null && asOf.isBefore(c.recognizedOn())) return new HeldTitle(c.type(), c.recognizedOn(), end, State.NOT_YET, null);
        long days = ChronoUnit.DAYS.between(asOf, end);
        if (days < 0) return new HeldTitle(c.type(), c.recognizedOn(), end, State.LAPSED, null);
        return days <= MeasureResult.ENDING_SOON_DAYS ? new HeldTitle(c.type(), c.recognizedOn(), end, State.ENDING_SOON, (int) days)
                : new HeldTitle(c.type(), c.recognizedOn(), end, State.VALID, null);
    }
}
