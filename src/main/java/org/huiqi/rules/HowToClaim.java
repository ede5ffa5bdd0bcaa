package org.huiqi.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.huiqi.evaluation.Text;

/**
 * What an enterprise that qualifies does next, as the measure's rule file says: how the benefit is
 * claimed, at which office, and, where known, through which channel, in which window, with which
 * documents. A part the policy text does not give is absent, never guessed; an application round
 * whose window is not given says to ask the office.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "How the benefit is claimed: the mode, the office the enterprise goes to and, where known, the channel, "
        + "the window and the documents. Unknown parts are absent or say to ask the office (按当年申报通知，请咨询…); "
        + "never an invented date, portal or document list.")
public record HowToClaim(
        @Schema(required = true, description = "CLAIM_AT_FILING: self-declared in the tax return, materials kept for inspection; "
                + "APPLY: an application the office decides; RECOGNITION: a title judged in rounds; REGISTER: a status the "
                + "enterprise reports (e.g. 规上入库); SERVICE: a procedure at a service window; AUTOMATIC: nothing to do (免申即享)")
        Mode mode,
        @Schema(required = true, description = "The office the enterprise goes to (not the issuing body when that is not the one accepting)")
        Text office,
        @Schema(description = "Portal or window to use") Text channel,
        @Schema(description = "When: the annual round or filing deadline") Text window,
        @Schema(description = "Documents to submit or keep") List<Text> documents,
        @Schema(required = true, description = "False when how to claim is not confirmed against the official text: ask the office")
        boolean confirmed) {

    public enum Mode { CLAIM_AT_FILING, APPLY, RECOGNITION, REGISTER, SERVICE, AUTOMATIC }

    /** Modes with a round the enterprise must catch: without a known window, the answer says whom to ask. */
    static boolean hasRound(Mode mode) {
        return mode == Mode.APPLY || mode == Mode.RECOGNITION;
    }

    /** The window of a round the rule file does not give. */
    static Text askTheOffice(Text office) {
        return Text.of("按当年申报通知，请咨询" + office.zh(), "Per the year's notice: ask " + office.en());
    }
}
