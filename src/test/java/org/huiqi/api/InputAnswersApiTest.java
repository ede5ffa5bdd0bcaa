package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.huiqi.profile.ProfileLimits.MAX_INPUTS;
import static org.huiqi.profile.ProfileLimits.MAX_INPUT_ID_LENGTH;
import static org.huiqi.profile.ProfileLimits.MAX_INPUT_TEXT_LENGTH;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.huiqi.api.openapi.SendsInvalidRequests;
import org.junit.jupiter.api.Test;

/**
 * {@code profile.inputs} is read as scalar answers, a bounded number of them under short ids, so
 * no body can make the service build a tree of millions of nodes there (security round 2), and
 * the 400 for undeclared answers stays small however many were sent. The project's rules declare
 * no input, so every id here is undeclared.
 */
@QuarkusTest
@SendsInvalidRequests
class InputAnswersApiTest {
    private static ValidatableResponse post(String inputs) {
        return given().contentType(ContentType.JSON)
                .body("{\"asOf\": \"2025-06-01\", \"profile\": {\"regionCode\": \"450400\", \"inputs\": " + inputs + "}}")
                .when().post("/api/v1/eligibility").then();
    }

    private static String answers(int count, IntFunction<String> entry) {
        return IntStream.range(0, count).mapToObj(entry).collect(Collectors.joining(",", "{", "}"));
    }

    @Test
    void aListOrAnObjectNotKeyedByYearsIsRefusedAtItsFirstToken() {
        // What follows the '[' is not even JSON: the answer is refused before it is read, let alone built.
        given().contentType(ContentType.JSON).body("{\"profile\": {\"inputs\": {\"x\": [{}, {}, {},,, not json")
                .when().post("/api/v1/eligibility")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", is("https://huiqi.org/problems/invalid-input"))
                .body("errors", hasSize(1))
                .body("errors[0].field", is("profile.inputs.x"))
                .body("errors[0].message", containsString("lists are not answers"));
        post("{\"x\": {\"y\": 1}}").statusCode(400).body("errors[0].field", is("profile.inputs.x"));
    }

    @Test
    void aMegabyteOfEmptyObjectsUnderOneInputIsA400() {
        String bomb = "{\"profile\":{\"inputs\":{\"x\":[" + "{},".repeat(300_000) + "{}]}}}";
        given().contentType(ContentType.JSON).body(bomb).when().post("/api/v1/eligibility")
                .then().statusCode(400).body("errors[0].field", is("profile.inputs.x"));
    }

    @Test
    void moreAnswersThanTheCapAreRefusedWhileReading() {
        post(answers(MAX_INPUTS + 1, i -> "\"in" + i + "\": 1")).statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors", hasSize(1))
                .body("errors[0].field", is("profile.inputs"))
                .body("errors[0].message", containsString("at most " + MAX_INPUTS));
    }

    @Test
    void manyUndeclaredAnswersGetASmallProblem() {
        // At the cap every answer is read, and every one is undeclared: the problem lists the first few and counts them all.
        String ids = answers(MAX_INPUTS, i -> "\"" + "undeclared".repeat(5) + i + "\": " + i);
        String answer = post(ids).statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", is(MAX_INPUTS + " fields are invalid; the first " + Problem.MAX_LISTED_ERRORS + " are listed"))
                .body("errors", hasSize(Problem.MAX_LISTED_ERRORS))
                .body("errors.field", everyItem(startsWith("profile.inputs.undeclared")))
                .extract().asString();
        assertThat(answer.length()).as("the problem's size").isLessThan(4_000);
        // Far more keys than the cap: refused at the first one past it, with one small entry.
        String flood = post(answers(50_000, i -> "\"k" + i + "\":1")).statusCode(400).extract().asString();
        assertThat(flood.length()).isLessThan(1_000);
    }

    @Test
    void idsAndChoicesHaveAMaximumLength() {
        String longId = "a".repeat(MAX_INPUT_ID_LENGTH + 1);
        post("{\"" + longId + "\": 1}").statusCode(400)
                .body("errors[0].field", is("profile.inputs." + "a".repeat(MAX_INPUT_ID_LENGTH) + "…"))
                .body("errors[0].message", containsString("at most " + MAX_INPUT_ID_LENGTH));
        post("{\"kind\": \"" + "c".repeat(MAX_INPUT_TEXT_LENGTH + 1) + "\"}").statusCode(400)
                .body("errors[0].field", is("profile.inputs.kind"))
                .body("errors[0].message", containsString("at most " + MAX_INPUT_TEXT_LENGTH));
        // Within the lengths, an undeclared id is still named as undeclared.
        post("{\"" + "a".repeat(MAX_INPUT_ID_LENGTH) + "\": \"" + "c".repeat(MAX_INPUT_TEXT_LENGTH) + "\"}").statusCode(400)
                .body("errors[0].message", containsString("no measure declares"));
    }

    @Test
    void numbersAreHeldToTheSameMagnitudeAsEveryOther() {
        post("{\"x\": 1e-300000000}").statusCode(400).body("errors[0].field", is("profile.inputs.x"))
                .body("errors[0].message", containsString("decimal places"));
        post("{\"x\": 1e12}").statusCode(400).body("errors[0].field", is("profile.inputs.x"));
    }

    @Test
    void theServiceStillAnswersNormally() {
        post("{}").statusCode(200).body("results.size()", lessThanOrEqualTo(10_000));
        post("null").statusCode(200);
    }
}
