package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.huiqi.api.openapi.SendsInvalidRequests;
import org.junit.jupiter.api.Test;

/** Bad input gets 400 problem+json naming the field; never a 500, never a stack trace. */
@QuarkusTest
@SendsInvalidRequests
class BadInputTest {
    private static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/eligibility")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400))
                .body(not(containsString("at org.")))
                .body(not(containsString("Exception")));
    }

    @Test
    void malformedJson() {
        post("{\"profile\": {\"name\": \"x\",}").body("title", is("Malformed JSON")).body("detail", containsString("line 1"));
    }

    @Test
    void wrongType() {
        post("{\"profile\": {\"financials\": {\"2024\": {\"operatingRevenue\": \"lots\"}}}}")
                .body("errors[0].field", is("profile.financials.2024.operatingRevenue"));
    }

    @Test
    void fractionForAWholeNumber() {
        post("{\"profile\": {\"employees\": 12.5}}").body("errors[0].field", is("profile.employees"));
    }

    @Test
    void badCreditCodeCheckCharacter() {
        post("{\"profile\": {\"creditCode\": \"91450400MA5L00000E\"}}")
                .body("errors[0].field", is("profile.creditCode"))
                .body("errors[0].message", containsString("check character"));
    }

    @Test
    void aRegionCodeThatNamesNoRegionIsRefusedNotReadAsTheCityItsDigitsBeginWith() {
        post("{\"profile\": {\"regionCode\": \"450499\"}}")
                .body("errors[0].field", is("profile.regionCode"))
                .body("errors[0].message", containsString("not a GB/T 2260 region code"));
        post("{\"profile\": {\"regionCode\": \"450400\", \"projects\": [{\"id\": \"p\", \"regionCode\": \"441299\"}]}}")
                .body("errors[0].field", is("profile.projects[0].regionCode"));
        post("{\"profile\": {\"industryCode\": \"C99\"}}").body("errors[0].field", is("profile.industryCode"));
    }

    @Test
    void negativeMoney() {
        post("{\"profile\": {\"financials\": {\"2024\": {\"rdExpense\": -1}}}}")
                .body("errors[0].field", is("profile.financials.2024.rdExpense"));
    }

    @Test
    void percentageAbove100() {
        post("{\"profile\": {\"nicheMarketSharePct\": 101}}").body("errors[0].field", is("profile.nicheMarketSharePct"));
    }

    @Test
    void unknownEnumValue() {
        post("{\"profile\": {\"taxCreditRating\": \"AAA\"}}")
                .body("errors[0].field", is("profile.taxCreditRating"))
                .body("errors[0].message", containsString("[A, B, M, C, D]"));
    }

    @Test
    void unknownEnumValueInsideAList() {
        post("{\"profile\": {\"certifications\": [{\"type\": \"GOLD_STAR\"}]}}")
                .body("errors[0].field", is("profile.certifications[0].type"));
    }

    @Test
    void badDate() {
        post("{\"asOf\": \"2025-13-01\", \"profile\": {}}").body("errors[0].field", is("asOf"));
    }

    @Test
    void yearKeysMustBeYears() {
        post("{\"profile\": {\"financials\": {\"last year\": {\"rdExpense\": 1}}}}")
                .body("errors[0].field", is("profile.financials"))
                .body("errors[0].message", containsString("last year"));
    }

    @Test
    void regionCodeMustBeSixDigits() {
        post("{\"profile\": {\"regionCode\": \"4504\"}}").body("errors[0].field", is("profile.regionCode"));
    }

    @Test
    void misspeltFieldsAreNotSilentlyIgnored() {
        post("{\"profile\": {\"employes\": 10}}")
                .body("errors[0].field", is("profile.employes"))
                .body("errors[0].message", containsString("unknown field"));
    }

    @Test
    void missingProfile() {
        post("{\"asOf\": \"2025-06-01\"}").body("errors[0].field", is("profile"));
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        post("{\"profile\": {\"regionCode\": \"x\", \"employees\": -3}}")
                .body("errors.field", hasItem("profile.regionCode"))
                .body("errors.field", hasItem("profile.employees"));
    }

    @Test
    void badQueryParameters() {
        given().when().get("/api/v1/measures?asOf=yesterday")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("asOf"));
        given().when().get("/api/v1/measures?region=guangdong")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("region"));
    }
}
