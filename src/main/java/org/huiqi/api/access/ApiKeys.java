package org.huiqi.api.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured API keys. Only SHA-256 hashes are configured, so a leaked configuration (or a
 * Kubernetes Secret read by the wrong person) does not leak keys. Configured as
 * {@code policy.api-keys} (env {@code POLICY_API_KEYS}): comma-separated
 * {@code client-name:sha256-hex:role+role}, e.g. {@code registry:9f86d0…:integration}.
 */
@ApplicationScoped
public class ApiKeys {
    /** A caller identified by its key. */
    public record Client(String name, Set<Role> roles) {
    }

    private record Entry(Client client, byte[] hash) {
    }

    private final List<Entry> entries;

    public ApiKeys(@ConfigProperty(name = "policy.api-keys") Optional<String> configured) {
        this.entries = parse(configured.orElse(""));
    }

    /** The client whose key this is, if any. Compares in constant time. */
    public Optional<Client> identify(String presentedKey) {
        byte[] hash = sha256(presentedKey);
        Client found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), hash)) found = entry.client();
        }
        return Optional.ofNullable(found);
    }

    static List<Entry> parse(String configured) {
        List<Entry> entries = new ArrayList<>();
        for (String item : configured.split(",")) {
            if (item.isBlank()) continue;
            String[] parts = item.strip().split(":");
            if (parts.length != 3 || !parts[1].matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("policy.api-keys: each entry must be name:sha256-hex:role+role, "
                        + "got an entry for '" + parts[0] + "' that is not");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : parts[2].split("\\+")) roles.add(Role.valueOf(role.strip().toUpperCase(Locale.ROOT)));
            entries.add(new Entry(new Client(parts[0], Set.copyOf(roles)), HexFormat.of().parseHex(parts[1].toLowerCase(Locale.ROOT))));
        }
        return List.copyOf(entries);
    }

    /** Hex SHA-256 of a key: what an operator puts in the configuration. */
    public static String hashOf(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
