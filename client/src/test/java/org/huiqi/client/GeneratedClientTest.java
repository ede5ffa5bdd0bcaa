package org.huiqi.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.huiqi.generated.ApiClient;
import org.huiqi.generated.ApiResponse;
import org.huiqi.generated.api.EligibilityApi;
import org.huiqi.generated.model.MeasureStatus;
import org.junit.jupiter.api.Test;

/**
 * What an integrator gets from OpenAPI Generator (Java, native library) on the committed
 * docs/openapi.yaml, with the options docs/integration.md recommends (client/pom.xml): its NDJSON
 * operation sends a batch to the packaged service and the answer is every line's result, then the end line.
 */
class GeneratedClientTest {
    @Test
    void theGeneratedNdjsonOperationSendsABatchAndGetsEveryResultAndTheEndLine() throws Exception {
        PackagedService service = PackagedService.shared();
        ApiClient api = new ApiClient().setScheme("http").setHost(service.base.getHost()).setPort(service.base.getPort())
                .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + PackagedService.KEY));
        String body = String.join("\n", HuiqiClientTest.items(20)) + "\n";

        ApiResponse<File> response = new EligibilityApi(api).evaluateBatchNdjsonWithHttpInfo(body, null, null,
                List.of(MeasureStatus.ELIGIBLE, MeasureStatus.NEEDS_INFO), "summary", null, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        List<JsonNode> lines = Files.readAllLines(response.getData().toPath(), StandardCharsets.UTF_8).stream()
                .map(HuiqiClientTest::parse).toList();
        assertThat(lines).hasSize(21);
        assertThat(lines.subList(0, 20)).extracting(l -> l.path("line").asInt()).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(lines.subList(0, 20)).allSatisfy(l -> assertThat(l.path("summary").path("results").findValuesAsText("status"))
                .isNotEmpty().doesNotContain("NOT_ELIGIBLE"));
        assertThat(lines.get(20).path("end").path("lines").asInt()).isEqualTo(20);
    }
}
