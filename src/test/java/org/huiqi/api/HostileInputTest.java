package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.huiqi.profile.ProfileLimits.MAX_AWARDS;
import static org.huiqi.profile.ProfileLimits.MAX_CERTIFICATIONS;
import static org.huiqi.profile.ProfileLimits.MAX_COUNT;
import static org.huiqi.profile.ProfileLimits.MAX_ID_LENGTH;
import static org.huiqi.profile.ProfileLimits.MAX_NAME_LENGTH;
import static org.huiqi.profile.ProfileLimits.MAX_PARKS;
import static org.huiqi.profile.ProfileLimits.MAX_PARK_ID_LENGTH;
import static org.huiqi.profile.ProfileLimits.MAX_PROJECTS;
import static org.huiqi.profile.ProfileLimits.MAX_QUARTERS;
import static org.huiqi.profile.ProfileLimits.MAX_YEARS;
import static org.huiqi.profile.ProfileLimits.MAX_YEAR;
import static org.huiqi.profile.ProfileLimits.MIN_YEAR;

import io.quarkus.test.junit.QuarkusTest;
import org.huiqi.api.openapi.SendsInvalidRequests;
import io.restassured.http.ContentType;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The requests that used to end the JVM or answer 500 (issue 11), and every limit of
 * {@link org.huiqi.profile.ProfileLimits} at its value and one past: 400 naming the field, or 200
 * — never a 5xx, and the service is alive afterwards.
 */
@QuarkusTest
@SendsInvalidRequests
class HostileInputTest {
    /** A profile that evaluates (Wuzhou, with last year's figures) with {@code extra} fields added. */
    private static String profile(String extra) {
        return "{\"asOf\":\"2025-06-01\",\"profile\":{\"regionCode\":\"450400\",\"financials\":{\"2024\":{\"operatingRevenue\":12000}}"
                + (extra.isEmpty() ? "" : "," + extra) + "}}";
    }

    private static String repeat(int count, IntFunction<String> item) {
        return IntStream.range(0, count).mapToObj(item).collect(Collectors.joining(",", "[", "]"));
    }

    private static void accepted(String body) {
        // explain=all: every measure is judged, none filtered out by region, so the limits hold for the largest answer.
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/eligibility?explain=all")
                .then().statusCode(200).body("results.size()", not(is(0)));
    }

    private static void refused(String body, String field) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/eligibility")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body(not(containsString("Exception")))
                .body(not(containsString("at org.")));
    }

    @Test
    void theServiceAnswersAfterTheBodiesThatUsedToEndIt() {
        refused("{\"profile\":{\"financials\":{\"1999\":{\"operatingRevenue\":1e-300000000}}}}", "profile.financials.1999.operatingRevenue");
        refused(profile("\"projects\":" + repeat(200_000, i -> "{}")), "profile.projects");
        given().contentType(ContentType.JSON).body(profile("")).when().post("/api/v1/eligibility").then().statusCode(200);
    }

    @Test
    void numbersWhoseFullSpellingWouldFillTheHeap() {
        refused("{\"profile\":{\"financials\":{\"1999\":{\"operatingRevenue\":1e-300000000}}}}", "profile.financials.1999.operatingRevenue");
        refused(profile("\"financials\":{\"2024\":{\"mainBusinessRevenue\":1e3000000}}").replace(
                "\"financials\":{\"2024\":{\"operatingRevenue\":12000}},", ""), "profile.financials.2024.mainBusinessRevenue");
        refused("{\"profile\":{\"financials\":{\"2024\":{\"mainBusinessRevenue\":1e1000000000}}}}", "profile.financials.2024.mainBusinessRevenue");
        refused("{\"profile\":{\"projects\":[{\"taxableIncomeLastYear\":-1e1000000000}]}}", "profile.projects[0].taxableIncomeLastYear");
    }

    @Test
    void magnitudeAndDecimalsAtTheLimitAndOnePast() {
        accepted(profile("\"projects\":[{\"id\":\"p\",\"totalInvestment\":999999999999.9999999999}]"));
        refused(profile("\"projects\":[{\"id\":\"p\",\"totalInvestment\":1000000000000}]"), "profile.projects[0].totalInvestment");
        refused(profile("\"projects\":[{\"id\":\"p\",\"taxableIncomeLastYear\":-1e12}]"), "profile.projects[0].taxableIncomeLastYear");
        refused(profile("\"projects\":[{\"id\":\"p\",\"totalInvestment\":0.00000000001}]"), "profile.projects[0].totalInvestment");
        accepted(profile("\"projects\":[{\"id\":\"p\",\"totalInvestment\":12.50000000000000000000}]"));
        refused(profile("\"equityFinancing\":{\"2024\":1e12}"), "profile.equityFinancing.2024");
    }

    @Test
    void countsAtTheLimitAndOnePast() {
        accepted(profile("\"employees\":" + MAX_COUNT + ",\"ip\":{\"classI\":" + MAX_COUNT + "}"));
        refused(profile("\"employees\":" + (MAX_COUNT + 1)), "profile.employees");
        refused(profile("\"ip\":{\"classII\":" + (MAX_COUNT + 1) + "}"), "profile.ip.classII");
    }

    @Test
    void twoHundredThousandEmptyProjectsAreRefusedWhileReading() {
        refused(profile("\"projects\":" + repeat(200_000, i -> "{}")), "profile.projects");
    }

    @Test
    void projectsAtTheLimitEvaluateAndOnePastIsRefused() {
        String[] regions = {"450400", "441200", "440700", "441300", "331123", "330100"};
        String[] kinds = {"MANUFACTURING", "ENERGY_STORAGE", "ENERGY_STORAGE_DEMO", "ENVIRONMENTAL", "OTHER"};
        IntFunction<String> project = i -> "{\"id\":\"p" + i + "\",\"regionCode\":\"" + regions[i % regions.length] + "\",\"kind\":\""
                + kinds[i % kinds.length] + "\",\"totalInvestment\":30000,\"newFixedAssetInvestment\":12000,\"industrialLandByListing\":true,"
                + "\"buildingAreaM2\":24000,\"firstRevenueYear\":2024,\"environmentalCatalog\":true,\"taxableIncomeLastYear\":400,"
                + "\"inProvincialStrategicCluster\":true,\"buildingType\":\"STANDARD_FACTORY\",\"commitmentSystem\":true}";
        accepted(profile("\"projects\":" + repeat(MAX_PROJECTS, project)));
        refused(profile("\"projects\":" + repeat(MAX_PROJECTS + 1, project)), "profile.projects");
        refused(profile("\"projects\":" + repeat(1000, i -> "{}")), "profile.projects");
    }

    @Test
    void otherListsAtTheLimitAndOnePast() {
        IntFunction<String> certification = i -> "{\"type\":\"SPECIALIZED_SME\",\"recognizedOn\":\"" + (1990 + i) + "-09-01\"}";
        accepted(profile("\"certifications\":" + repeat(MAX_CERTIFICATIONS, certification)));
        refused(profile("\"certifications\":" + repeat(MAX_CERTIFICATIONS + 1, certification)), "profile.certifications");
        IntFunction<String> award = i -> "{\"kind\":\"SCIENCE_TECHNOLOGY\",\"level\":\"PROVINCIAL\",\"year\":" + (1970 + i) + "}";
        accepted(profile("\"awards\":" + repeat(MAX_AWARDS, award)));
        refused(profile("\"awards\":" + repeat(MAX_AWARDS + 1, award)), "profile.awards");
        IntFunction<String> park = i -> "\"park-" + i + "\"";
        accepted(profile("\"parks\":" + repeat(MAX_PARKS, park)));
        refused(profile("\"parks\":" + repeat(MAX_PARKS + 1, park)), "profile.parks");
        IntFunction<String> quarter = i -> "{\"year\":" + (2024 - i / 4) + ",\"quarter\":" + (i % 4 + 1) + ",\"output\":6000}";
        accepted(profile("\"quarterlyOutput\":" + repeat(MAX_QUARTERS, quarter)));
        refused(profile("\"quarterlyOutput\":" + repeat(MAX_QUARTERS + 1, quarter)), "profile.quarterlyOutput");
    }

    @Test
    void yearsOfFiguresAtTheLimitAndOnePast() {
        IntFunction<String> years = count -> IntStream.range(0, count)
                .mapToObj(i -> "\"" + (2024 - i) + "\":{\"operatingRevenue\":" + (12000 + i) + "}")
                .collect(Collectors.joining(",", "{", "}"));
        accepted("{\"asOf\":\"2025-06-01\",\"profile\":{\"regionCode\":\"450400\",\"financials\":" + years.apply(MAX_YEARS) + "}}");
        refused("{\"asOf\":\"2025-06-01\",\"profile\":{\"regionCode\":\"450400\",\"financials\":" + years.apply(MAX_YEARS + 1) + "}}",
                "profile.financials");
        IntFunction<String> equity = count -> IntStream.range(0, count).mapToObj(i -> "\"" + (2024 - i) + "\":0")
                .collect(Collectors.joining(",", "{", "}"));
        accepted(profile("\"equityFinancing\":" + equity.apply(MAX_YEARS)));
        refused(profile("\"equityFinancing\":" + equity.apply(MAX_YEARS + 1)), "profile.equityFinancing");
    }

    @Test
    void nullElementsAreRefused() {
        refused(profile("\"projects\":[null]"), "profile.projects[0]");
        refused(profile("\"certifications\":[{\"type\":\"SPECIALIZED_SME\"},null]"), "profile.certifications[1]");
        refused(profile("\"awards\":[null]"), "profile.awards[0]");
        refused(profile("\"parks\":[null]"), "profile.parks[0]");
        refused(profile("\"quarterlyOutput\":[null]"), "profile.quarterlyOutput[0]");
        refused("{\"profile\":{\"financials\":{\"2024\":null}}}", "profile.financials.2024");
        refused(profile("\"equityFinancing\":{\"2024\":null}"), "profile.equityFinancing.2024");
    }

    @Test
    void stringsAtTheLimitAndOnePast() {
        accepted(profile("\"name\":\"" + "企".repeat(MAX_NAME_LENGTH) + "\""));
        refused(profile("\"name\":\"" + "企".repeat(MAX_NAME_LENGTH + 1) + "\""), "profile.name");
        accepted(profile("\"projects\":[{\"id\":\"" + "p".repeat(MAX_ID_LENGTH) + "\"}]"));
        refused(profile("\"projects\":[{\"id\":\"" + "p".repeat(MAX_ID_LENGTH + 1) + "\"}]"), "profile.projects[0].id");
        accepted(profile("\"parks\":[\"" + "p".repeat(MAX_PARK_ID_LENGTH) + "\"]"));
        refused(profile("\"parks\":[\"" + "p".repeat(MAX_PARK_ID_LENGTH + 1) + "\"]"), "profile.parks[0]");
    }

    @Test
    void eightProjectsWithAMegabyteIdEach() {
        // Eight megabytes are refused at the door now (policy.http.max-json-body-size is 1M) ...
        String id = "x".repeat(1 << 20);
        given().contentType(ContentType.JSON).body(profile("\"projects\":" + repeat(8, i -> "{\"id\":\"" + id + "\"}")))
                .when().post("/api/v1/eligibility").then().statusCode(413).contentType("application/problem+json");
        // ... and long ids that fit in a body are refused while reading, each named.
        String longId = "x".repeat(100_000);
        refused(profile("\"projects\":" + repeat(8, i -> "{\"id\":\"" + longId + "\"}")), "profile.projects[7].id");
    }

    @Test
    void datesAtTheLimitAndOnePast() {
        refused("{\"asOf\":\"+999999999-12-31\",\"profile\":{}}", "asOf");
        accepted(profile("").replace("2025-06-01", MAX_YEAR + "-12-31"));
        refused(profile("").replace("2025-06-01", (MAX_YEAR + 1) + "-01-01"), "asOf");
        accepted(profile("\"registrationDate\":\"" + MIN_YEAR + "-01-01\""));
        refused(profile("\"registrationDate\":\"" + (MIN_YEAR - 1) + "-12-31\""), "profile.registrationDate");
        refused(profile("\"certifications\":[{\"type\":\"SPECIALIZED_SME\",\"validUntil\":\"-0001-01-01\"}]"),
                "profile.certifications[0].validUntil");
        accepted(profile("\"financials\":{\"" + MIN_YEAR + "\":{\"operatingRevenue\":1}}").replaceFirst(
                "\"financials\":\\{\"2024\":\\{\"operatingRevenue\":12000}},", ""));
        refused(profile("\"equityFinancing\":{\"" + (MIN_YEAR - 1) + "\":0}"), "profile.equityFinancing");
        refused(profile("\"equityFinancing\":{\"" + (MAX_YEAR + 1) + "\":0}"), "profile.equityFinancing");
    }

    @Test
    void theCatalogDateIsHeldToTheSameYears() {
        given().queryParam("asOf", "+999999999-12-31").when().get("/api/v1/measures")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("asOf"));
        given().queryParam("asOf", MAX_YEAR + "-12-31").when().get("/api/v1/measures").then().statusCode(200);
    }

    @Test
    void duplicateKeysAreRefused() {
        refused("{\"profile\":{\"name\":\"a\",\"name\":\"b\"}}", "profile.name");
        refused("{\"profile\":{\"financials\":{\"2024\":{\"rdExpense\":1,\"rdExpense\":900}}}}", "profile.financials.2024.rdExpense");
        refused("{\"profile\":{\"financials\":{\"2024\":{},\"2024\":{}}}}", "profile.financials.2024");
        refused("{\"profile\":{},\"profile\":{}}", "profile");
    }
}
