package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EligibilityApiTest {
    /** A Zhaoqing manufacturer exactly at the 专精特新 thresholds, first above scale in 2024. */
    static final String AT_THRESHOLDS = """
            {"asOf": "2025-06-01", "profile": {
              "name": "肇庆市某电池有限公司", "creditCode": "91450400MA5L00000D", "regionCode": "441200",
              "industryCode": "C3841", "yearsInNiche": 2, "specializedScore": 60,
              "financials": {"2024": {"operatingRevenue": 3000, "mainBusinessRevenue": 2000, "rdExpense": 100}},
              "firstAboveScaleYear": 2024, "receivedProvincialXsgAward": false, "newPlantEntry": false,
              "convertedFromNonIndustrial": false, "movedBetweenCities": false, "majorIncidentWithin3Years": false,
              "sme": true, "listedAbnormalOrDishonest": false, "restrictedOrEliminatedProduct": false,
              "seriousViolationWithin3Years": false}}
            """;

    @Test
    void aProfileExactlyAtEveryThresholdIsEligibleWithAmountsAndCitations() {
        given().contentType(ContentType.JSON).body(AT_THRESHOLDS)
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("evaluationId", matchesPattern("[0-9A-HJKMNP-TV-Z]{26}"))
                .body("asOf", is("2025-06-01"))
                .body("ruleset.version", startsWith("sha256:"))
                .body("ruleset.loadedAt", not(nullValue()))
                .body("results.find { it.measureId == 'CN-MIIT-SPECIALIZED-SME' }.status", is("ELIGIBLE"))
                .body("results.find { it.measureId == 'CN-MIIT-SPECIALIZED-SME' }.citation.number", is("工信部企业〔2022〕63号"))
                .body("results.find { it.measureId == 'CN-MIIT-SPECIALIZED-SME' }.criteria.find { it.id == 'niche-years' }.actual", is(2))
                .body("results.find { it.measureId == 'CN-MIIT-SPECIALIZED-SME' }.criteria.find { it.id == 'niche-years' }.required", is(">= 2"))
                .body("results.find { it.measureId == 'CN-ABOVE-SCALE-THRESHOLD' }.status", is("ELIGIBLE"))
                .body("results.find { it.measureId == 'GD-XSG-2025' }.status", is("ELIGIBLE"))
                .body("results.find { it.measureId == 'GD-XSG-2025' }.benefit.amount", is(5))
                .body("results.find { it.measureId == 'GD-XSG-2025' }.projectId", nullValue())
                .body("results.measureId", not(hasItem("WZ-XSG")));
    }

    @Test
    void oneUnitBelowAThresholdIsANearMissNamingTheCriterion() {
        String below = AT_THRESHOLDS.replace("\"rdExpense\": 100", "\"rdExpense\": 99.99");
        given().contentType(ContentType.JSON).body(below)
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("results.find { it.measureId == 'CN-MIIT-SPECIALIZED-SME' }.status", is("NOT_ELIGIBLE"))
                .body("results.find { it.measureId == 'CN-MIIT-SPECIALIZED-SME' }.failedCriteria", contains("rd-expense"))
                .body("results.find { it.measureId == 'CN-MIIT-SPECIALIZED-SME' }.nearMiss", is(true))
                .body("results.find { it.measureId == 'CN-MIIT-SPECIALIZED-SME' }.benefit.amount", nullValue());
    }

    @Test
    void aMissingFieldGivesNeedsInfoNamingExactlyThatField() {
        String missing = AT_THRESHOLDS.replace("\"yearsInNiche\": 2, ", "");
        given().contentType(ContentType.JSON).body(missing)
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("results.find { it.measureId == 'CN-MIIT-SPECIALIZED-SME' }.status", is("NEEDS_INFO"))
                .body("results.find { it.measureId == 'CN-MIIT-SPECIALIZED-SME' }.missingFields", contains("yearsInNiche"))
                .body("results.find { it.measureId == 'CN-MIIT-SPECIALIZED-SME' }.criteria.find { it.id == 'niche-years' }.outcome", is("UNKNOWN"));
    }

    @Test
    void questionsNameTheDecidingFieldsMostDecidingFirstAndAnAnsweredOneMovesOn() {
        String missing = AT_THRESHOLDS.replace("\"yearsInNiche\": 2, ", "");
        io.restassured.response.Response answer = given().contentType(ContentType.JSON).body(missing)
                .when().post("/api/v1/eligibility");
        answer.then().statusCode(200)
                .body("questions.find { it.field == 'yearsInNiche' }.decides", hasItem("CN-MIIT-SPECIALIZED-SME"))
                .body("questions.find { it.field == 'yearsInNiche' }.label.zh", is("从事特定细分市场年限"))
                .body("questions.find { it.field == 'yearsInNiche' }.catalogField", is("yearsInNiche"));
        java.util.List<java.util.Map<String, Object>> questions = answer.path("questions");
        java.util.List<java.util.Map<String, Object>> results = answer.path("results");
        for (int i = 0; i < questions.size(); i++) {
            java.util.Map<String, Object> q = questions.get(i);
            // exactly the NEEDS_INFO results that name the field, and the results whose amount waits for it:
            // never a NOT_ELIGIBLE one, whose answer cannot change anything
            java.util.Set<Object> naming = new java.util.TreeSet<>();
            for (java.util.Map<String, Object> r : results) {
                boolean decidesStatus = "NEEDS_INFO".equals(r.get("status")) && ((java.util.List<?>) r.get("missingFields")).contains(q.get("field"));
                java.util.Map<?, ?> benefit = (java.util.Map<?, ?>) r.get("benefit");
                boolean setsAmount = !"NOT_ELIGIBLE".equals(r.get("status")) && ((java.util.List<?>) benefit.get("missingFields")).contains(q.get("field"));
                if (decidesStatus || setsAmount) naming.add(r.get("measureId"));
            }
            org.assertj.core.api.Assertions.assertThat(new java.util.TreeSet<Object>((java.util.List<?>) q.get("decides")))
                    .as(q.get("field") + " decides").isEqualTo(naming);
            java.util.Map<String, Object> before = i > 0 ? questions.get(i - 1) : null;
            if (before != null) {
                org.assertj.core.api.Assertions.assertThat((Boolean) q.get("expert") || !(Boolean) before.get("expert"))
                        .as("expert-only fields come last").isTrue();
            }
            // the finer order (askFirst, settles, results decided, money) is QuestionsTest's
        }
        given().contentType(ContentType.JSON).body(AT_THRESHOLDS)
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("questions.field", not(hasItem("yearsInNiche")));
    }

    @Test
    void anIndustrialFirmClassedAsAnSmeByItsFiguresIsNotAskedWhetherItIsOne() {
        String manufacturer = AT_THRESHOLDS.replace("\"sme\": true, ", "").replace("\"financials\"", "\"employees\": 200, \"financials\"");
        given().contentType(ContentType.JSON).body(manufacturer)
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("results.find { it.measureId == 'CN-SME-CLASSIFICATION-INDUSTRY' }.status", is("ELIGIBLE"))
                .body("results.find { it.measureId == 'CN-MIIT-SPECIALIZED-SME' }.status", is("ELIGIBLE"))
                .body("questions.field", not(hasItem("sme")));
        // a wholesaler: the rules encode no classification for its industry, so it is asked
        given().contentType(ContentType.JSON).body(manufacturer.replace("\"C3841\"", "\"F51\""))
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("questions.field", hasItem("sme"));
    }

    @Test
    void withoutProjectsTheQuestionIsWhetherThereAreAny() {
        given().contentType(ContentType.JSON).body(AT_THRESHOLDS)
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("questions.find { it.field == 'projects' }.decides", hasItem("GD-MFG-INVEST-2PCT"))
                .body("questions.find { it.field == 'projects' }.label.en", is("Investment projects"));
    }

    @Test
    void anEmptyProfileIsNeverReadAsZeroOrNo() {
        given().contentType(ContentType.JSON).body("{\"asOf\": \"2025-06-01\", \"profile\": {}}")
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("results.status", not(hasItem("NOT_ELIGIBLE")))
                .body("results.status", hasItem("NEEDS_INFO"));
    }

    @Test
    void explainAllShowsMeasuresOfOtherRegionsAsFailingOnRegion() {
        String wuzhou = AT_THRESHOLDS.replace("441200", "450400");
        given().contentType(ContentType.JSON).body(wuzhou)
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("results.measureId", not(hasItem("GD-XSG-2025")))
                .body("results.measureId", hasItem("WZ-XSG"));
        given().contentType(ContentType.JSON).body(wuzhou).queryParam("explain", "all")
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("results.find { it.measureId == 'GD-XSG-2025' }.status", is("NOT_ELIGIBLE"))
                .body("results.find { it.measureId == 'GD-XSG-2025' }.failedCriteria", contains("region"));
    }

    @Test
    void measuresOutsideTheirPeriodAreNotListed() {
        String later = AT_THRESHOLDS.replace("2025-06-01", "2026-06-01");
        given().contentType(ContentType.JSON).body(later)
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("results.measureId", not(hasItem("CN-MIIT-SPECIALIZED-SME")))
                .body("results.measureId", hasItem("GD-XSG-2025"));
    }

    @Test
    void measuresThatEndedRecentlyAreListedApartWithWhatReplacedThem() {
        String later = AT_THRESHOLDS.replace("2025-06-01", "2026-06-01");
        given().contentType(ContentType.JSON).body(later)
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("notInForce.measureId", hasItem("CN-MIIT-SPECIALIZED-SME"))
                .body("notInForce.find { it.measureId == 'CN-MIIT-SPECIALIZED-SME' }.phase", is("ENDED"))
                .body("notInForce.find { it.measureId == 'CN-MIIT-SPECIALIZED-SME' }.validTo", is("2026-01-16"))
                .body("notInForce.find { it.measureId == 'CN-MIIT-SPECIALIZED-SME' }.citation.number", is("工信部企业〔2022〕63号"))
                .body("notInForce.find { it.measureId == 'CN-MIIT-SPECIALIZED-SME' }.successor.note.zh",
                        containsString("优质中小企业梯度培育管理办法"));
        // Early 2027 the Wuzhou park measures and the Huizhou storage measures have ended too: only Huizhou's own see the latter
        String zhaoqing2027 = AT_THRESHOLDS.replace("2025-06-01", "2027-01-15");
        given().contentType(ContentType.JSON).body(zhaoqing2027)
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("notInForce.measureId", hasItem("CN-MIIT-LITTLE-GIANT"))
                .body("notInForce.measureId", not(hasItem("GX-WZ-PARK")))
                .body("notInForce.measureId", not(hasItem("HZ-STORAGE-MFG-POWER")));
        given().contentType(ContentType.JSON).body(zhaoqing2027.replace("441200", "441302"))
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("notInForce.find { it.measureId == 'HZ-STORAGE-MFG-POWER' }.validTo", is("2026-07-03"));
    }

    @Test
    void aCeilingIsMarkedAsACeilingAndAnEstimateAsAnEstimate() {
        String withProject = AT_THRESHOLDS.replace("\"majorIncidentWithin3Years\": false,",
                "\"majorIncidentWithin3Years\": false, \"projects\": [{\"id\": \"p1\", \"kind\": \"MANUFACTURING\", "
                        + "\"newFixedAssetInvestment\": 12000, \"inProvincialStrategicCluster\": true, \"previouslyProvincialFunded\": false}],");
        given().contentType(ContentType.JSON).body(withProject)
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("results.find { it.measureId == 'GD-MFG-INVEST-2PCT' }.benefit.basis", is("UP_TO"))
                .body("results.find { it.measureId == 'GD-MFG-INVEST-2PCT' }.benefit.amount", is(240))
                .body("results.find { it.measureId == 'GD-MFG-INVEST-2PCT' }.benefit.amountNote.en", containsString("ceiling"))
                .body("results.find { it.measureId == 'GD-XSG-2025' }.benefit.basis", is("EXACT"));
    }

    @Test
    void aProvinceOnlyCodeAsksForTheCityInsteadOfAZeroOrAWrongTier() {
        String province = AT_THRESHOLDS.replace("441200", "440000");
        given().contentType(ContentType.JSON).body(province)
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("results.find { it.measureId == 'GD-XSG-2025' }.status", is("NEEDS_INFO"))
                .body("results.find { it.measureId == 'GD-XSG-2025' }.missingFields", contains("regionCode"))
                .body("results.find { it.measureId == 'GD-XSG-2025' }.benefit.amount", nullValue())
                .body("results.find { it.measureId == 'GD-SINGLE-CHAMPION' }.status", is("NEEDS_INFO"))
                .body("results.measureId", hasItem("HZ-STORAGE-MFG-POWER"))
                .body("results.measureId", not(hasItem("WZ-XSG")));
    }

    @Test
    void unconfirmedAmountsAndMeasuresSaySo() {
        String wuzhou = AT_THRESHOLDS.replace("441200", "450400");
        given().contentType(ContentType.JSON).body(wuzhou)
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("results.find { it.measureId == 'WZ-XSG' }.status", is("ELIGIBLE"))
                .body("results.find { it.measureId == 'WZ-XSG' }.benefit.confirmed", is(false))
                .body("results.find { it.measureId == 'WZ-XSG' }.benefit.amount", nullValue())
                .body("results.find { it.measureId == 'WZ-XSG' }.benefit.amountNote.en", is("amount set by the issuing office"));
    }

    @Test
    void withoutAsOfTheEvaluationIsForToday() {
        given().contentType(ContentType.JSON).body("{\"profile\": {}}")
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("asOf", matchesPattern("\\d{4}-\\d{2}-\\d{2}"))
                .body("results", not(empty()));
    }

    @Test
    void englishAndChineseTextsTravelTogether() {
        given().contentType(ContentType.JSON).body(AT_THRESHOLDS)
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("results.find { it.measureId == 'CN-MIIT-SPECIALIZED-SME' }.title.zh", is("专精特新中小企业认定"))
                .body("results.find { it.measureId == 'CN-MIIT-SPECIALIZED-SME' }.title.en", containsString("SME"))
                .body("results.find { it.measureId == 'GD-XSG-2025' }.criteria", hasSize(3))
                .body("results.find { it.measureId == 'GD-XSG-2025' }.criteria[1].parts[0].label.zh", containsString("(a)"))
                .body("results.find { it.measureId == 'GD-XSG-2025' }.criteria[1].parts[0].outcome", equalTo("MET"));
    }
}
