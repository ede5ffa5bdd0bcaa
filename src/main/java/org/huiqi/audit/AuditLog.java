package org.huiqi.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.huiqi.api.RequestIds;
import org.huiqi.evaluation.Evaluation;
import org.huiqi.evaluation.MeasureResult;
import org.huiqi.profile.Profile;
import org.jboss.logging.Logger;

/**
 * One JSON record per evaluation on the logger {@value #LOGGER}, so a deployment can route it to
 * its log store apart from the application log. The record identifies the profile by an
 * HMAC-SHA256 of its canonical JSON ({@link CanonicalJson}) under {@code policy.audit.fingerprint-key};
 * the profile itself is written only when {@code policy.audit.include-profile=true}. Fields are
 * documented in docs/audit.md.
 */
@ApplicationScoped
public class AuditLog {
    public static final String LOGGER = "huiqi.audit";
    private static final Logger LOG = Logger.getLogger(LOGGER);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final boolean includeProfile;
    private final byte[] fingerprintKey;

    public AuditLog(@ConfigProperty(name = "policy.audit.include-profile", defaultValue = "false") boolean includeProfile,
                    @ConfigProperty(name = "policy.audit.fingerprint-key") Optional<String> fingerprintKey) {
        this.includeProfile = includeProfile;
        this.fingerprintKey = fingerprintKey.filter(key -> !key.isBlank())
                .map(key -> key.getBytes(StandardCharsets.UTF_8))
                .orElseGet(AuditLog::randomKey);
    }

    /** Without a configured key, fingerprints still cannot be reversed, but match only within this process. */
    private static byte[] randomKey() {
        Logger.getLogger(AuditLog.class).warn("policy.audit.fingerprint-key (env POLICY_AUDIT_FINGERPRINT_KEY) is not set: audit records use a random "
                + "key made at startup, so a profile's fingerprint cannot be matched across restarts or pods");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
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
        putRequestId(record);
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
        record.put("profileHmac", CanonicalJson.hmacSha256(fingerprintKey, profile));
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
        putRequestId(record);
        record.put("format", format);
        record.put("rulesetVersion", rulesetVersion);
        record.put("evaluated", evaluated);
        record.put("rejected", rejected);
        LOG.info(record.toString());
    }

    /** The request the record belongs to (its X-Request-Id), when it was made for one. */
    private static void putRequestId(ObjectNode record) {
        String requestId = RequestIds.current();
        if (requestId != null) record.put("requestId", requestId);
    }
}
