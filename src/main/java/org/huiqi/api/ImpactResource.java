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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.huiqi.api.access.Caller;
import org.huiqi.api.access.RequiresRole;
import org.huiqi.api.access.Role;
import org.huiqi.impact.DraftArchive;
import org.huiqi.impact.ImpactJob;
import org.huiqi.impact.ImpactJobs;
import org.huiqi.rules.RuleSet;
import org.jboss.logging.Logger;

/**
 * Policy impact for staff: what a draft rule set would change for a population, computed in the
 * background against the serving rule set, which the draft never replaces.
 */
@Path("/api/v1/admin/impact")
@Tag(name = "Administration")
@RequiresRole(Role.ADMIN)
public class ImpactResource {
    private static final Logger LOG = Logger.getLogger(ImpactResource.class);
    static final String ZIP = "application/zip";
    static final String TAR = "application/x-tar";
    static final String GZIP = "application/gzip";

    /** Seconds a refused starter is told to wait: about what a small run takes. */
    static final long RETRY_AFTER_SECONDS = 30;

    private final ImpactJobs jobs;
    private final RuleSets ruleSets;
    private final Caller caller;
    private final long maxDraftBytes;
    private final int maxDraftEntries;
    private final ObjectMapper json;

    public ImpactResource(ImpactJobs jobs, RuleSets ruleSets, Caller caller, ObjectMapper json,
                          @ConfigProperty(name = "policy.impact.max-draft-bytes") long maxDraftBytes,
                          @ConfigProperty(name = "policy.impact.max-draft-entries") int maxDraftEntries) {
        this.jobs = jobs;
        this.ruleSets = ruleSets;
        this.caller = caller;
        this.maxDraftBytes = maxDraftBytes;
        this.maxDraftEntries = maxDraftEntries;
        this.json = json;
    }

    @Schema(name = "DraftChanges", description = "A draft given as the files it changes over the serving rule set.")
    public record DraftChanges(
            @Schema(description = "Files to add or replace: path relative to the rules directory → UTF-8 content",
                    example = "{\"guangdong/xsg-2025-amounts.table.csv\": \"region(地区),per_item(数值 万元),note(文字)\\n…\"}") Map<String, String> files,
            @Schema(description = "Files of the serving rule set to leave out", example = "[\"guangxi/wuzhou/xsg.drl\"]") List<String> deleted) {
    }

    @Schema(name = "ImpactPopulations", description = "Population files that impact runs can use.")
    public record Populations(@Schema(example = "[\"synthetic-1000.ndjson\"]") List<String> populations) {
    }

    @POST
    @Consumes({ZIP, TAR, GZIP, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "startImpactRun", summary = "Start an impact run of a draft rule set",
            description = "Needs an API key with the admin role. The draft is a whole rules directory as a zip or a tar "
                    + "(gzipped or not; a single top folder is taken off), or, as JSON, the files it changes over the serving "
                    + "rule set. Either is limited to policy.impact.max-draft-bytes unpacked and policy.impact.max-draft-entries "
                    + "files; entries naming paths outside the directory are refused. The run compares the draft with the "
                    + "serving rule set on the named population in the background; follow it at the Location returned (a "
                    + "path), with the same key: other keys do not see it. At most policy.impact.max-queued runs wait or run "
                    + "at once; another is refused with 429 and Retry-After. The serving rule set is not changed.")
    @RequestBody(required = true, content = {
            @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = TAR, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = GZIP, schema = @Schema(type = SchemaType.STRING, format = "binary", description = "A gzipped tar")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftChanges.class))})
    @APIResponse(responseCode = "202", description = "The run has started; poll the Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImpactJob.Status.class)))
    @APIResponse(responseCode = "400", description = "No or unknown population, a bad date, an archive that cannot be read, or a "
            + "JSON draft with a missing or null file",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or unknown API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key lacks the admin role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The draft is larger than the limits",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "policy.impact.max-queued runs are waiting or running; try again after Retry-After seconds",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
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
        ImpactJob job;
        try {
            jobs.checkRoom();
            SortedMap<String, byte[]> draft = draft(baseline, contentType, body);
            try {
                job = jobs.start(baseline, draft, population, date, caller.name());
            } catch (IllegalArgumentException e) {
                throw RequestValidator.invalid("population", e.getMessage());
            }
        } catch (ImpactJobs.Full e) {
            throw new LimitReached(Problem.of("impact-queue-full", "Too many impact runs", 429, e.getMessage()), RETRY_AFTER_SECONDS, e.limit());
        }
        // A path, not an absolute URI: location(URI) would complete it from the request's Host header,
        // which the client chose (RFC 9110 allows a relative Location).
        return Response.accepted(job.status()).header(HttpHeaders.LOCATION, "/api/v1/admin/impact/" + job.id()).build();
    }

    private SortedMap<String, byte[]> draft(RuleSet baseline, String contentType, InputStream body) throws IOException {
        MediaType type = contentType == null ? MediaType.APPLICATION_JSON_TYPE : MediaType.valueOf(contentType);
        DraftArchive archive = new DraftArchive(maxDraftBytes, maxDraftEntries);
        try {
            if (type.isCompatible(MediaType.valueOf(ZIP))) return archive.readZip(body);
            if (type.isCompatible(MediaType.valueOf(TAR)) || type.isCompatible(MediaType.valueOf(GZIP))) return archive.readTar(body);
        } catch (DraftArchive.Refused e) {
            throw refused(e.tooLarge() ? 413 : 400, e.getMessage());
        } catch (IOException e) {
            // A corrupt zip or gzip (bad header, truncated stream): the sender's mistake, not the service's.
            LOG.infof("impact draft (%s) not readable: %s", type, e.toString());
            throw refused(400, "the body is not a readable " + type.getSubtype() + " archive");
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
        return ImpactJobs.overlay(baseline, changed(changes), deleted(changes));
    }

    /** The JSON draft's files, held to the archives' limits: it is kept in memory until its run ends, like them. */
    private Map<String, byte[]> changed(DraftChanges changes) {
        Map<String, byte[]> changed = new TreeMap<>();
        if (changes.files() == null) return changed;
        if (changes.files().size() > maxDraftEntries) {
            throw refused(413, "the draft has more than " + maxDraftEntries + " files (policy.impact.max-draft-entries)");
        }
        long bytes = 0;
        for (Map.Entry<String, String> file : changes.files().entrySet()) {
            if (file.getValue() == null) throw RequestValidator.invalid("files." + file.getKey(), "must be the file's content, not null");
            byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
            bytes += content.length;
            if (bytes > maxDraftBytes) {
                throw refused(413, "the draft's files come to more than " + maxDraftBytes + " bytes (policy.impact.max-draft-bytes)");
            }
            changed.put(file.getKey(), content);
        }
        return changed;
    }

    private static List<String> deleted(DraftChanges changes) {
        if (changes.deleted() == null) return List.of();
        for (int i = 0; i < changes.deleted().size(); i++) {
            if (changes.deleted().get(i) == null) throw RequestValidator.invalid("deleted[" + i + "]", "must be a path, not null");
        }
        return changes.deleted();
    }

    private static ProblemException refused(int status, String detail) {
        return new ProblemException(Problem.of("draft-refused", "Draft refused", status, detail));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "getImpactRun", summary = "An impact run: progress, then the report",
            description = "While QUEUED or RUNNING: profiles done, rate and estimated time left. DONE: the report. "
                    + "FAILED: the errors, for a draft that does not build by file:line:column; for a rule that threw, the rule's name "
                    + "(what it threw is only in the service log). Only the key that started the run sees it.")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImpactJob.Status.class)))
    @APIResponse(responseCode = "401", description = "No or unknown API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key lacks the admin role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such run for this key (another key's, or old and no longer kept)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImpactJob.Status job(@PathParam("id") String id) {
        return jobs.job(id, caller.name()).map(ImpactJob::status).orElseThrow(() -> new ProblemException(Problem.of("not-found", "No such impact run",
                404, "no impact run " + id + "; runs are kept until policy.impact.jobs-kept newer ones have started")));
    }

    @GET
    @Path("populations")
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "listImpactPopulations", summary = "Populations available to impact runs", description = "The *.ndjson files in policy.impact.populations.")
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
