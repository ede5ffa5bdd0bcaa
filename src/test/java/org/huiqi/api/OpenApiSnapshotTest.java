package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document equals the committed docs/openapi.yaml, so every API change shows
 * up in review (and .ci/run lints that file). After an intended change, regenerate it with
 * {@code ./mvnw -B test -Dtest=OpenApiSnapshotTest -Dopenapi.update=true} and commit the diff.
 */
@QuarkusTest
class OpenApiSnapshotTest {
    static final Path SNAPSHOT = Path.of("docs/openapi.yaml");
    static final Path CHANGELOG = Path.of("docs/api-changelog.md");

    /** Generated clients carry info.version: it changes with the document, and the changelog says how. */
    @Test
    void theChangelogDescribesTheDocumentsVersion() throws Exception {
        String version = infoVersion(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
        assertThat(version).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(Files.readString(CHANGELOG, StandardCharsets.UTF_8)).as(CHANGELOG + " has a section for " + version)
                .contains("\n## " + version + " ");
    }

    static String infoVersion(String yaml) {
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("(?m)^info:\\n(?:  .*\\n)*?  version: \"?([^\"\\n]+)\"?$")
                .matcher(yaml);
        return version.find() ? version.group(1) : "";
    }

    @Test
    void theServedDocumentMatchesTheCommittedSnapshot() throws Exception {
        byte[] bytes = given().accept("application/yaml").when().get("/q/openapi?format=yaml")
                .then().statusCode(200).extract().asByteArray();
        String served = new String(bytes, StandardCharsets.UTF_8);
        served = served.endsWith("\n") ? served : served + "\n";
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(SNAPSHOT, served, StandardCharsets.UTF_8);
            return;
        }
        assertThat(Files.exists(SNAPSHOT)).as(SNAPSHOT + " exists; create it with -Dopenapi.update=true").isTrue();
        assertThat(served).as("the served OpenAPI document differs from " + SNAPSHOT
                        + "; if the change is intended, run ./mvnw -B test -Dtest=OpenApiSnapshotTest -Dopenapi.update=true and commit it")
                .isEqualTo(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
    }
}
