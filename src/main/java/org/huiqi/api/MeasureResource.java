package org.huiqi.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.huiqi.evaluation.Evaluation;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.evaluation.MeasureResult;
import org.huiqi.evaluation.Outcome;
import org.huiqi.profile.Profile;
import org.huiqi.rules.Measure;
import org.huiqi.rules.RuleSet;

@Path("/api/v1/measures")
@Tag(name = "Catalog")
@Produces(MediaType.APPLICATION_JSON)
public class MeasureResource {
    private final RuleSets ruleSets;
    private final ObjectMapper json;
    private final Evaluator evaluator;

    private final RecentCatalogs recent;

    public MeasureResource(RuleSets ruleSets, ObjectMapper json, Evaluator evaluator, RecentCatalogs recent) {
        this.recent = recent;
        this.ruleSets = ruleSets;
        this.json = json;
        this.evaluator = evaluator;
    }

    @Schema(description = "The measures in force on asOf (and applying in region, when given).")
    public record Catalog(@Schema(required = true) LocalDate asOf, @Schema(example = "450400") String region,
                          @Schema(required = true) Evaluation.RuleSetRef ruleset, @Schema(required = true) List<Measure> measures) {
    }

    @GET
    @Operation(operationId = "listMeasures", summary = "The catalog in force", description = "Measures in force on asOf (default today), "
            + "with metadata and criteria descriptions; with region, only those that apply there "
            + "(national, provincial and local measures of that place). With version, the catalog of that rule-set "
            + "version (a result's rulesetVersion): the serving one, or one this service replaced in the last "
            + RecentCatalogs.KEPT_HOURS + " hours (at most the last " + RecentCatalogs.MAX_KEPT + ").")
    @APIResponse(responseCode = "200", description = "The catalog",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Catalog.class)))
    @APIResponse(responseCode = "400", description = "Bad asOf or region, or region with a version no longer serving",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "version has not served here (errors[].field is version)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "version was replaced too long ago; its catalog is no longer kept "
            + "(errors[].field is version)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Catalog catalog(
            @Parameter(description = "Date, YYYY-MM-DD; default today", example = "2025-06-01") @QueryParam("asOf") String asOfParam,
            @Parameter(description = "GB/T 2260 six-digit code", example = "450400") @QueryParam("region") String region,
            @Parameter(description = "A rule-set version (sha256:…); default the serving one",
                    example = "sha256:2a8a01d2db2f0b6f0ebdec5124f8519a12f3524698e8e8a90ba23e14872e03fc") @QueryParam("version") String version) {
        LocalDate asOf = RequestValidator.date("asOf", asOfParam, Evaluations.today());
        if (region != null && !region.matches("\\d{6}")) {
            throw RequestValidator.invalid("region", "must be a six-digit GB/T 2260 code, such as 450400");
        }
        RuleSet ruleSet = ruleSets.serving();
        if (version != null && !version.equals(ruleSet.version())) return replaced(version, asOf, region);
        Set<String> applying = region == null ? null : applyingIn(ruleSet, asOf, region);
        List<Measure> measures = ruleSet.catalog().stream()
                .filter(m -> m.inForceOn(asOf))
                .filter(m -> applying == null || applying.contains(m.id()))
                .toList();
        return new Catalog(asOf, region, new Evaluation.RuleSetRef(ruleSet.version(), ruleSet.loadedAt()), measures);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getMeasure", summary = "One measure, whatever its period")
    @APIResponse(responseCode = "200", description = "The measure",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Measure.class)))
    @APIResponse(responseCode = "404", description = "No measure with that id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Measure measure(@PathParam("id") String id) {
        Measure measure = ruleSets.serving().measures().get(id);
        if (measure == null) {
            throw new ProblemException(Problem.of("unknown-measure", "Unknown measure", 404, "no measure with id '" + id + "'"));
        }
        return measure;
    }

    /** The catalog of a version no longer serving: its rules are gone, so only asOf can select from it. */
    private Catalog replaced(String version, LocalDate asOf, String region) {
        RecentCatalogs.Kept kept = recent.kept(version);
        if (region != null) {
            throw RequestValidator.invalid("region", "selects only from the serving version's catalog; a replaced version's "
                    + "rules are no longer loaded: read it without region");
        }
        return new Catalog(asOf, null, new Evaluation.RuleSetRef(version, kept.loadedAt()),
                kept.catalog().stream().filter(m -> m.inForceOn(asOf)).toList());
    }

    /** Places a profile that says nothing but its region: measures whose region criterion fails drop out. */
    private Set<String> applyingIn(RuleSet ruleSet, LocalDate asOf, String region) {
        Profile placeOnly = json.convertValue(Map.of("regionCode", region, "projects", List.of(Map.of("regionCode", region))), Profile.class);
        return evaluator.evaluate(ruleSet, asOf, placeOnly, true).results().stream()
                .filter(r -> r.criteria().stream().noneMatch(c -> "region".equals(c.id()) && c.outcome() == Outcome.NOT_MET))
                .map(MeasureResult::measureId)
                .collect(Collectors.toSet());
    }
}
