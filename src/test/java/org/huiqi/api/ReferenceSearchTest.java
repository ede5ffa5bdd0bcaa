package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.huiqi.rules.Lookup;
import org.junit.jupiter.api.Test;

/** The pickers search the whole standards server-side: what a user types finds the code to pick, with where it lies. */
@QuarkusTest
class ReferenceSearchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/reference/regions")
    URI regions;

    private static ValidatableResponse search(String list, String q) {
        return given().queryParam("q", q).when().get("/api/v1/reference/" + list).then().statusCode(200).body("query", is(q));
    }

    /**
     * Every county-level unit of the rule set's GB/T 2260 list, found by the first four digits of its code. Some 370
     * searches: sent with a plain client, since the answer's shape is checked against the document by the other tests.
     */
    @Test
    void everyCountyLevelRegionOfTheListIsFoundByItsCode() throws Exception {
        Set<String> counties = Files.readAllLines(Path.of("rules/reference/gbt2260.csv")).stream()
                .filter(line -> line.matches("\\d{6},.+") && !line.startsWith("00", 4))
                .map(line -> line.substring(0, 6))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(counties).hasSizeGreaterThanOrEqualTo(2800);

        Set<String> found = new TreeSet<>();
        HttpClient client = HttpClient.newHttpClient();
        for (String city : counties.stream().map(c -> c.substring(0, 4)).collect(Collectors.toCollection(TreeSet::new))) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(regions + "?q=" + city + "&limit=" + Lookup.MAX_LIMIT)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            assertThat(answer.path("more").asBoolean()).as(city).isFalse();
            answer.path("items").forEach(item -> {
                if (counties.contains(item.path("code").asText())) found.add(item.path("code").asText());
            });
        }
        assertThat(found).isEqualTo(counties);
    }

    @Test
    void aCityIsFoundByItsNameInChineseOrEnglishWithItsCountiesAfterIt() {
        search("regions", "梧州")
                .body("items[0].code", is("450400"))
                .body("items[0].path.code", contains("450000"))
                .body("items.code", hasItems("450403", "450405", "450406", "450421", "450422", "450423", "450481"))
                .body("items.find { it.code == '450422' }.nameZh", is("藤县"))
                .body("items.find { it.code == '450422' }.path.code", contains("450000", "450400"))
                .body("more", is(false));
        search("regions", "wuzhou").body("items[0].code", is("450400")).body("items[0].nameEn", is("Wuzhou"));
        search("regions", "450403")
                .body("items[0].code", is("450403"))
                .body("items[0].nameZh", is("万秀区"))
                .body("items[0].path.nameZh", contains("广西壮族自治区", "梧州市"));
    }

    @Test
    void aDistrictOfAMunicipalityHasItsProvinceAsPath() {
        search("regions", "海淀").body("items[0].code", is("110108")).body("items[0].path.code", contains("110000"));
    }

    @Test
    void everydayWordsFindTheIndustryClasses() {
        search("industries", "铜")
                .body("items[0].code", is("C3211"))
                .body("items[1].code", is("C3251"))
                .body("items[0].path.code", contains("C", "C32", "C321"));
        search("industries", "再生资源")
                .body("items.code", hasItems("C4210", "C4220", "F5191"))
                .body("items.code", everyItem(org.hamcrest.Matchers.anyOf(startsWith("C42"), startsWith("F519"))));
        search("industries", "锂电池")
                .body("items[0].code", is("C3841"))
                .body("items[0].nameZh", is("锂离子电池制造"))
                .body("items[0].path.code", contains("C", "C38", "C384"));
        search("industries", "回收")
                .body("items.code", hasItems("C4210", "C4220", "F5191"))
                .body("items.code", everyItem(org.hamcrest.Matchers.anyOf(startsWith("C42"), startsWith("F519"))));
        search("industries", "Copper").body("items.code", hasItems("C3211", "C3251"));
        search("industries", "３８４１").body("items[0].code", is("C3841"));
    }

    @Test
    void aQueryThatMatchesNothingAnswersNoItemsNotAnError() {
        search("regions", "不存在的地方").body("items", empty()).body("more", is(false));
        search("industries", "zzz").body("items", empty()).body("more", is(false));
        search("industries", " ").body("items", empty());
    }

    @Test
    void theLimitCutsTheListAndSaysMoreMatched() {
        given().queryParam("q", "广东").queryParam("limit", 5).when().get("/api/v1/reference/regions")
                .then().statusCode(200).body("items", hasSize(5)).body("items[0].code", is("440000")).body("more", is(true));
        given().queryParam("q", "广东").when().get("/api/v1/reference/regions")
                .then().statusCode(200).body("items", hasSize(Lookup.DEFAULT_LIMIT));
    }

    @Test
    void aBadLimitOrAnOverlongQueryIsAProblemNamingTheParameter() {
        for (String limit : List.of("0", String.valueOf(Lookup.MAX_LIMIT + 1), "ten", "-3")) {
            given().queryParam("q", "梧州").queryParam("limit", limit).when().get("/api/v1/reference/regions")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("limit"));
        }
        given().queryParam("q", "铜".repeat(Lookup.MAX_QUERY_LENGTH + 1)).when().get("/api/v1/reference/industries")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("q"));
    }

    @Test
    void aListedClassIsAcceptedAndAnUnlistedClassOfAListedGroupRefused() {
        String body = "{\"asOf\": \"2025-06-01\", \"profile\": {\"regionCode\": \"450400\", \"industryCode\": \"%s\"}}";
        given().contentType(ContentType.JSON).body(body.formatted("C3841")).when().post("/api/v1/eligibility").then().statusCode(200);
        given().contentType(ContentType.JSON).body(body.formatted("C3845")).when().post("/api/v1/eligibility")
                .then().statusCode(400).body("errors[0].field", is("profile.industryCode"));
    }
}
