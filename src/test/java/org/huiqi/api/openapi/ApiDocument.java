package org.huiqi.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The committed docs/openapi.yaml (which OpenApiSnapshotTest keeps equal to the served document),
 * read as a validator needs it: which operation a method and path name, which schema a body of
 * a given media type must match, and whether a JSON value matches it (JSON Schema 2020-12 with the
 * OpenAPI 3.1 vocabulary, formats asserted).
 */
public final class ApiDocument {
    public static final Path FILE = Path.of("docs/openapi.yaml");
    private static volatile ApiDocument committed;

    private final JsonNode root;
    private final String location;
    private final List<Route> routes = new ArrayList<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(OpenApi31.getInstance()).defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private ApiDocument(Path file) {
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        location = file.toAbsolutePath().toUri().toString();
        root.path("paths").fieldNames().forEachRemaining(template -> routes.add(new Route(template)));
        // a literal segment wins over a template: /measures/fields before /measures/{id}
        routes.sort(Comparator.comparingLong(route -> route.template.chars().filter(c -> c == '{').count()));
    }

    public static ApiDocument committed() {
        if (committed == null) {
            synchronized (ApiDocument.class) {
                if (committed == null) committed = new ApiDocument(FILE);
            }
        }
        return committed;
    }

    /** The operation for this method and path, or empty when the document has none. */
    public Optional<Operation> operation(String method, String path) {
        for (Route route : routes) {
            if (!route.pattern.matcher(path).matches()) continue;
            JsonNode operation = root.path("paths").path(route.template).path(method.toLowerCase(Locale.ROOT));
            if (operation.isObject()) return Optional.of(new Operation(method + " " + route.template,
                    "/paths/" + escape(route.template) + "/" + method.toLowerCase(Locale.ROOT), operation));
        }
        return Optional.empty();
    }

    /** Messages for each way the value breaks the schema at this JSON pointer; empty when it matches. */
    public List<String> violations(String pointer, JsonNode value) {
        JsonSchema schema = schemas.computeIfAbsent(pointer,
                p -> factory.getSchema(SchemaLocation.of(location + "#" + p), config));
        List<String> messages = new ArrayList<>();
        for (ValidationMessage message : schema.validate(value)) messages.add(message.getMessage());
        return messages;
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    /** One operation of the document; pointers are JSON pointers into it. */
    public record Operation(String name, String pointer, JsonNode node) {
        /** The request body schema for this media type, empty when the operation takes no such body. */
        public Optional<String> requestSchema(String mediaType) {
            return schemaFor(node.path("requestBody").path("content"), mediaType, pointer + "/requestBody/content/");
        }

        /** The response schema for this status and media type, empty when the document declares none. */
        public Optional<String> responseSchema(int status, String mediaType) {
            JsonNode responses = node.path("responses");
            String key = responses.has(Integer.toString(status)) ? Integer.toString(status) : "default";
            return schemaFor(responses.path(key).path("content"), mediaType, pointer + "/responses/" + key + "/content/");
        }

        public boolean declaresResponse(int status) {
            return node.path("responses").has(Integer.toString(status)) || node.path("responses").has("default");
        }

        private static Optional<String> schemaFor(JsonNode content, String mediaType, String prefix) {
            if (mediaType == null) return Optional.empty();
            String bare = mediaType.split(";")[0].trim().toLowerCase(Locale.ROOT);
            for (Iterator<String> names = content.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equalsIgnoreCase(bare)) continue;
                // A streamed media type (NDJSON) is a binary stream to generators; its lines follow x-itemSchema (OpenAPI 3.2's itemSchema).
                if (content.path(name).has("x-itemSchema")) return Optional.of(prefix + escape(name) + "/x-itemSchema");
                if (content.path(name).has("schema")) return Optional.of(prefix + escape(name) + "/schema");
            }
            return Optional.empty();
        }
    }

    private static final class Route {
        final String template;
        final Pattern pattern;

        Route(String template) {
            this.template = template;
            this.pattern = Pattern.compile(Pattern.quote(template).replaceAll("\\{[^/}]+}", "\\\\E[^/]+\\\\Q"));
        }
    }
}
