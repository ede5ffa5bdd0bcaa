package org.huiqi.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.huiqi.evaluation.Evaluation;
import org.huiqi.evaluation.MeasureResult;
import org.huiqi.profile.Profile;
import org.jboss.logging.Logger;

/**
 * One JSON record per evaluation on the logger {@value #LOGGER}, so a deployment can route it to
 * its log store apart from the application log. The record identifies the profile by the SHA-256
 * of its canonical JSON ({@link CanonicalJson}); the profile itself is written only when
 * {@code policy.audit.include-profile=true}. Fields are documented in docs/audit.md.
 */
@ApplicationScoped
public class AuditLog {
    public static final String LOGGER = "huiqi.audit";
    private static final Logger LOG = Logger.getLogger(LOGGER);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final boolean includeProfile;

    public AuditLog(@ConfigProperty(name = "policy.audit.include-profile", defaultValue = "false") boolean includeProfile) {
        this.includeProfile = includeProfile;
    }

    /** Where an evaluation came from: the caller, and for a batch its id, line and the caller's item id. */
    public record Origin(String client, String batchId, Integer line, String itemId) {
        public static Origin single(String client) {
            return new Origin(client, null, null, null);
        }
    }

    public void evaluated(Evaluation evaluation, Profile profile, Origin origin) {
        if (!LOG.isInfoEnabled()) return;
        ObjectNode record = JSON.createObjectNode();
        record.put("event", "evaluation");
        record.put("evaluationId", evaluation.evaluationId());
        record.put("time", Instant.now().toString());
        record.put("client", origin.client());
        if (origin.batchId() != null) {
            record.put("batchId", origin.batchId());
            if (origin.line() != null) record.put("line", origin.line());
            if (origin.itemId() != null) record.put("itemId", origin.itemId());
        }
        record.put("asOf", evaluation.asOf().toString());
        record.put("rulesetVersion", evaluation.ruleset().version());
        ObjectNode byStatus = record.putObject("measures");
        for (MeasureResult.Status status : MeasureResult.Status.values()) byStatus.putArray(status.name());
        for (MeasureResult result : evaluation.results()) {
            ArrayNode ids = (ArrayNode) byStatus.get(result.status().name());
            ids.add(result.projectId() == null ? result.measureId() : result.measureId() + "#" + result.projectId());
        }
        record.put("profileSha256", CanonicalJson.sha256(profile));
        if (includeProfile) record.set("profile", CanonicalJson.tree(profile));
        LOG.info(record.toString());
    }

    /** The end of a batch: how many of its items were evaluated and how many were rejected. */
    public void batch(String batchId, String client, String format, String rulesetVersion, long evaluated, long rejected) {
        if (!LOG.isInfoEnabled()) return;
        ObjectNode record = JSON.createObjectNode();
        record.put("event", "batch");
        record.put("batchId", batchId);
        record.put("time", Instant.now().toString());
        record.put("client", client);
        record.put("format", format);
        record.put("rulesetVersion", rulesetVersion);
        record.put("evaluated", evaluated);
        record.put("rejected", rejected);
        LOG.info(record.toString());
    }
}
