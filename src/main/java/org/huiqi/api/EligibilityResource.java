package org.huiqi.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.huiqi.api.access.Caller;
import org.huiqi.api.access.KeyOptional;
import org.huiqi.audit.AuditLog;
import org.huiqi.evaluation.Evaluation;
import org.huiqi.evaluation.Text;
import org.huiqi.fields.FieldCatalog;
import org.huiqi.fields.Questions;
import org.huiqi.profile.EligibilityRequest;
import org.huiqi.rules.RuleSet;

@Path("/api/v1/eligibility")
@Tag(name = "Eligibility")
public class EligibilityResource {
    private final RuleSets ruleSets;
    private final RequestValidator validator;
    private final Evaluations evaluations;
    private final Caller caller;
    private final ObjectWriter oneLanguage;

    public EligibilityResource(RuleSets ruleSets, RequestValidator validator, Evaluations evaluations, Caller caller,
                               ObjectMapper json) {
        this.oneLanguage = json.writerFor(Evaluation.class);
        this.ruleSets = ruleSets;
        this.validator = validator;
        this.evaluations = evaluations;
        this.caller = caller;
    }

    @POST
    @KeyOptional
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "apiKey"))
    @Operation(operationId = "evaluateEligibility", summary = "Evaluate one enterprise profile",
            description = "Lists the measures in force on asOf with their status, criteria, amounts and citations, and the questions "
                    + "whose answers would decide the NEEDS_INFO ones (a guided self-check asks them next). "
                    + "Measures whose region criterion fails are left out unless explain=all. Open to anonymous "
                    + "callers (the public self-check) unless the operator sets policy.eligibility.require-key=true; "
                    + "a caller that sends a key is identified by it in the audit record.")
    @APIResponse(responseCode = "200", description = "The evaluation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Evaluation.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; errors[].field names each bad field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "An unknown API key was sent, or a key is required (policy.eligibility.require-key) and none was sent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A key is required and this one lacks the integration role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No rule set is active yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response evaluate(
            @Parameter(description = "'all' also lists measures that fail on region") @QueryParam("explain") String explain,
            @Parameter(description = "'zh' or 'en' (exactly one language): texts in that language only; otherwise both",
                    example = "zh") @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            EligibilityRequest request) throws JsonProcessingException {
        RuleSet ruleSet = ruleSets.serving();
        Evaluation evaluation = evaluate(ruleSet, explain, request);
        evaluation = evaluation.withQuestions(Questions.of(evaluation.results(), FieldCatalog.of(ruleSet)));
        String language = Text.language(acceptLanguage);
        if (language == null) return Response.ok(evaluation).build();
        return Response.ok(oneLanguage.withAttribute(Text.LANGUAGE, language).writeValueAsBytes(evaluation),
                MediaType.APPLICATION_JSON).header(HttpHeaders.CONTENT_LANGUAGE, language).build();
    }

    @POST
    @Path("compact")
    @KeyOptional
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "apiKey"))
    @Operation(operationId = "evaluateEligibilityCompact", summary = "Evaluate one enterprise profile, compact answer",
            description = "The same evaluation as POST /api/v1/eligibility, answered as the batches' view=compact: per measure "
                    + "result only its status, amount and missing fields, with no texts or criteria (some 150 bytes per result "
                    + "instead of some 4 KB). For systems that act on one enterprise at a time; the same keys and limits apply.")
    @APIResponse(responseCode = "200", description = "The evaluation, compact",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompactEvaluation.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; errors[].field names each bad field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "An unknown API key was sent, or a key is required (policy.eligibility.require-key) and none was sent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A key is required and this one lacks the integration role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No rule set is active yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompactEvaluation evaluateCompact(
            @Parameter(description = "'all' also lists measures that fail on region") @QueryParam("explain") String explain,
            EligibilityRequest request) {
        return CompactEvaluation.of(evaluate(ruleSets.serving(), explain, request), true);
    }

    private Evaluation evaluate(RuleSet ruleSet, String explain, EligibilityRequest request) {
        validator.body(request);
        if (explain != null && !explain.equals("all")) throw RequestValidator.invalid("explain", "must be 'all' or absent");
        LocalDate asOf = Evaluations.asOf(request.asOf());
        RequestValidator.inputs(ruleSet, request.profile());
        return evaluations.evaluate(ruleSet, asOf, request.profile(), "all".equals(explain),
                Evaluations.Mode.single, AuditLog.Origin.single(caller.name()));
    }
}
