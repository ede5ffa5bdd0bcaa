package org.huiqi.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.huiqi.api.access.RequiresRole;
import org.huiqi.api.access.Role;
import org.huiqi.impact.DraftArchive;
import org.huiqi.impact.ImpactJob;
import org.huiqi.impact.ImpactJobs;
import org.huiqi.rules.RuleSet;

/**
 * Policy impact for staff: what a draft rule set would change for a population, computed in the
 * background against the serving rule set, which the draft never replaces.
 */
@Path("/api/v1/admin/impact")
@Tag(name = "Administration")
@RequiresRole(Role.ADMIN)
public class ImpactResource {
    static final String ZIP = "application/zip";
    static final String TAR = "application/x-tar";
    static final String GZIP = "application/gzip";

    private final ImpactJobs jobs;
    private final RuleSets ruleSets;
    private final long maxDraftBytes;
    private final int maxDraftEntries;
    private final ObjectMapper json;

    public ImpactResource(ImpactJobs jobs, RuleSets ruleSets, ObjectMapper json,
                          @ConfigProperty(name = "policy.impact.max-draft-bytes") long maxDraftBytes,
                          @ConfigProperty(name = "policy.impact.max-draft-entries") int maxDraftEntries) {
        this.jobs = jobs;
        this.ruleSets = ruleSets;
        this.maxDraftBytes = maxDraftBytes;
        this.maxDraftEntries = maxDraftEntries;
        this.json = json;
    }

    @Schema(name = "DraftChanges", description = "A draft given as the files it changes over the serving rule set.")
    public record DraftChanges(
            @Schema(description = "Files to add or replace: path relative to the rules directory → UTF-8 content",
                    example = "{\"guangdong/xsg-2025-amounts.table.csv\": \"region,per_item,note\\n…\"}") Map<String, String> files,
            @Schema(description = "Files of the serving rule set to leave out", example = "[\"guangxi/wuzhou/xsg.drl\"]") List<String> deleted) {
    }

    @Schema(name = "ImpactPopulations", description = "Population files that impact runs can use.")
    public record Populations(@Schema(example = "[\"synthetic-1000.ndjson\"]") List<String> populations) {
    }

    @POST
    @Consumes({ZIP, TAR, GZIP, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Start an impact run of a draft rule set",
            description = "Needs an API key with the admin role. The draft is a whole rules directory as a zip or a tar "
                    + "(gzipped or not; a single top folder is taken off), or, as JSON, the files it changes over the serving "
                    + "rule set. Archives are limited to policy.impact.max-draft-bytes unpacked and policy.impact.max-draft-entries "
                    + "entries; entries naming paths outside the directory are refused. The run compares the draft with the "
                    + "serving rule set on the named population in the background; follow it at the Location returned. The "
                    + "serving rule set is not changed.")
    @RequestBody(required = true, content = {
            @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = TAR, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = GZIP, schema = @Schema(type = SchemaType.STRING, format = "binary", description = "A gzipped tar")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftChanges.class))})
    @APIResponse(responseCode = "202", description = "The run has started; poll the Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImpactJob.Status.class)))
    @APIResponse(responseCode = "400", description = "No or unknown population, a bad date, or an archive that cannot be read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or unknown API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key lacks the admin role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The draft is larger than the limits",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No rule set is active yet, so there is no baseline",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(
            @Parameter(description = "Population file name, one of GET /api/v1/admin/impact/populations", required = true,
                    example = "synthetic-1000.ndjson") @QueryParam("population") String population,
            @Parameter(description = "Evaluation date for items that give none; default today (Beijing time)", example = "2025-06-01")
            @QueryParam("asOf") String asOf,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) throws IOException {
        RuleSet baseline = ruleSets.serving();
        if (population == null || population.isBlank()) throw RequestValidator.invalid("population", "is required");
        var date = RequestValidator.date("asOf", asOf, Evaluations.today());
        SortedMap<String, byte[]> draft = draft(baseline, contentType, body);
        ImpactJob job;
        try {
            job = jobs.start(baseline, draft, population, date);
        } catch (IllegalArgumentException e) {
            throw RequestValidator.invalid("population", e.getMessage());
        }
        return Response.accepted(job.status()).location(URI.create("/api/v1/admin/impact/" + job.id())).build();
    }

    private SortedMap<String, byte[]> draft(RuleSet baseline, String contentType, InputStream body) throws IOException {
        MediaType type = contentType == null ? MediaType.APPLICATION_JSON_TYPE : MediaType.valueOf(contentType);
        DraftArchive archive = new DraftArchive(maxDraftBytes, maxDraftEntries);
        try {
            if (type.isCompatible(MediaType.valueOf(ZIP))) return archive.readZip(body);
            if (type.isCompatible(MediaType.valueOf(TAR)) || type.isCompatible(MediaType.valueOf(GZIP))) return archive.readTar(body);
        } catch (DraftArchive.Refused e) {
            int status = e.tooLarge() ? 413 : 400;
            throw new ProblemException(Problem.of("draft-refused", "Draft refused", status, e.getMessage()));
        }
        DraftChanges changes;
        try {
            changes = json.readValue(body, DraftChanges.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProblemException(ProblemMappers.problemOf(e));
        }
        if (changes == null || (changes.files() == null && changes.deleted() == null)) {
            throw RequestValidator.invalid("files", "give the changed files, or send the whole rules directory as a zip or tar");
        }
        Map<String, byte[]> changed = new TreeMap<>();
        if (changes.files() != null) changes.files().forEach((path, text) -> changed.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return ImpactJobs.overlay(baseline, changed, changes.deleted() == null ? List.of() : changes.deleted());
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "An impact run: progress, then the report",
            description = "While QUEUED or RUNNING: profiles done, rate and estimated time left. DONE: the report. "
                    + "FAILED: the errors, for a draft that does not build by file:line:column.")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImpactJob.Status.class)))
    @APIResponse(responseCode = "401", description = "No or unknown API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key lacks the admin role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such run (or it is old and no longer kept)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImpactJob.Status job(@PathParam("id") String id) {
        return jobs.job(id).map(ImpactJob::status).orElseThrow(() -> new ProblemException(Problem.of("not-found", "No such impact run",
                404, "no impact run " + id + "; runs are kept until policy.impact.jobs-kept newer ones have started")));
    }

    @GET
    @Path("populations")
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Populations available to impact runs", description = "The *.ndjson files in policy.impact.populations.")
    @APIResponse(responseCode = "200", description = "The population file names",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Populations.class)))
    @APIResponse(responseCode = "401", description = "No or unknown API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key lacks the admin role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Populations populations() {
        return new Populations(jobs.populations());
    }
}
