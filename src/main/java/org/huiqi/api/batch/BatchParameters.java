package org.huiqi.api.batch;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.huiqi.evaluation.MeasureResult;

/** The parameters of both batch operations (JSON or NDJSON at /batch, NDJSON at /batch/ndjson), declared once. */
public class BatchParameters {
    @Parameter(description = "'all' also lists measures that fail on region, for every item", example = "all")
    @QueryParam("explain")
    String explain;

    @Parameter(description = "'full' (default): every result with its criteria, as the single endpoint answers; "
            + "'summary': one short entry per measure result (status, amount, missing and failed criteria); "
            + "'compact': per measure result only its status, amount and missing fields, the least to send a registry", example = "compact")
    @QueryParam("view")
    String view;

    @Parameter(description = "Only results with these statuses; repeat the parameter (status=ELIGIBLE&status=NEEDS_INFO) "
            + "or separate them with commas. Default: all", explode = Explode.TRUE,
            schema = @Schema(type = SchemaType.ARRAY, implementation = MeasureResult.Status.class))
    @QueryParam("status")
    List<String> status;

    @Parameter(description = "NDJSON only: the number the first line of this body gets (default 1). To resume a cut batch, "
            + "send the lines after the last line received with firstLine set to that line's number + 1: results and "
            + "audit records keep the original numbers", example = "4114", schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
    @QueryParam("firstLine")
    Long firstLine;

    @Parameter(description = "'zh' or 'en' (exactly one language): texts in that language only; otherwise both", example = "zh")
    @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
    String acceptLanguage;

    @Parameter(description = "'gzip' when the body is gzip-compressed (refused with 413 when it inflates to more than "
            + "policy.http.max-gzip-ratio times its size); absent or 'identity' otherwise", example = "gzip")
    @HeaderParam(HttpHeaders.CONTENT_ENCODING)
    String contentEncoding;
}
