package org.huiqi.profile;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recognition the enterprise holds; valid 3 years from recognizedOn unless validUntil says otherwise. */
@Schema(description = "A recognition held (资质认定). Valid for 3 years from recognizedOn unless validUntil says otherwise.")
public record Certification(
        @Schema(description = "Recognition type", example = "SPECIALIZED_SME") Type type,
        @Schema(description = "Date recognised (认定日期)", example = "2024-09-01") LocalDate recognizedOn,
        @Schema(description = "Last day valid, when the certificate states one", example = "2027-08-31") LocalDate validUntil) {

    /**
     * TECH_INNOVATION_DEMO: 国家级技术创新示范企业; IP_ADVANTAGE: 知识产权优势企业; IP_DEMO: 知识产权示范企业
     * (with HIGH_TECH_ENTERPRISE, the four honours of the innovative-SME direct path).
     */
    public enum Type { HIGH_TECH_ENTERPRISE, INNOVATIVE_SME, SPECIALIZED_SME, LITTLE_GIANT, SINGLE_CHAMPION,
        TECH_INNOVATION_DEMO, IP_ADVANTAGE, IP_DEMO }

    /** Valid on {@code date}; unknown (null) when the recognition date is not given. */
    public Boolean validOn(LocalDate date) {
        LocalDate end = lastValidDay();
        if (end == null) return null;
        if (recognizedOn != null && date.isBefore(recognizedOn)) return false;
        return !date.isAfter(end);
    }

    /** validUntil, else the day before the third anniversary of recognizedOn; null when neither is given. */
    public LocalDate lastValidDay() {
        return validUntil != null ? validUntil : recognizedOn == null ? null : recognizedOn.plusYears(3).minusDays(1);
    }
}
