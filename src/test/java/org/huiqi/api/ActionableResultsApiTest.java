package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** What an enterprise needs to act on a result: how to claim it, by when, and what is its status rather than support. */
@QuarkusTest
class ActionableResultsApiTest {
    /** A Wuzhou recycler in the circular-economy park, checking 27 days before the park measure ends. */
    static final String RECYCLER = """
            {"asOf": "2026-12-04", "profile": {
              "name": "梧州市某再生金属有限公司", "regionCode": "450405", "parks": ["wuzhou-circular-economy-park"],
              "industryCode": "C4210", "firstAboveScaleYear": 2019, "employees": 180, "sme": true,
              "vatGeneralTaxpayer": true, "recyclerFiled": true, "westernEncouragedRevenueSharePct": 80,
              "certifications": [{"type": "HIGH_TECH_ENTERPRISE", "recognizedOn": "2023-10-01"},
                                 {"type": "SPECIALIZED_SME", "recognizedOn": "2024-09-01"}],
              "financials": {"2025": {"operatingRevenue": 12000, "mainBusinessRevenue": 11000, "taxableProfit": 900}}}}
            """;

    @Test
    void everyResultSaysHowToClaimItInEitherLanguageView() {
        for (String language : new String[] {"zh", "en"}) {
            given().contentType(ContentType.JSON).header("Accept-Language", language).body(RECYCLER)
                    .when().post("/api/v1/eligibility")
                    .then().statusCode(200)
                    .body("results.howToClaim.mode", everyItem(notNullValue()))
                    .body("results.howToClaim.office", everyItem(notNullValue()));
        }
        given().contentType(ContentType.JSON).header("Accept-Language", "zh").body(RECYCLER)
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("results.find { it.measureId == 'CN-EIT-WEST15' }.howToClaim.mode", is("CLAIM_AT_FILING"))
                .body("results.find { it.measureId == 'CN-EIT-WEST15' }.howToClaim.office.zh", is("企业的主管税务机关"))
                .body("results.find { it.measureId == 'GX-WZ-PARK' }.howToClaim.office.zh", is("梧州循环经济产业园区管委会"))
                .body("results.find { it.measureId == 'GX-WZ-PARK' }.howToClaim.window.zh", is("按当年申报通知，请咨询梧州循环经济产业园区管委会"))
                .body("results.find { it.measureId == 'GX-WZ-PARK' }.howToClaim.confirmed", is(false))
                .body("results.find { it.measureId == 'GX-WZ-PARK' }.howToClaim.documents", nullValue());
    }

    @Test
    void aMeasureEndingWithin90DaysSaysHowManyDaysAreLeft() {
        given().contentType(ContentType.JSON).body(RECYCLER)
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("results.find { it.measureId == 'GX-WZ-PARK' }.daysLeft", is(27))
                .body("results.find { it.measureId == 'CN-EIT-WEST15' }.daysLeft", nullValue());
    }

    @Test
    void classificationsAreStatusesAndAnEntryYearThatCannotChangeIsNoNearMiss() {
        given().contentType(ContentType.JSON).body(RECYCLER)
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("results.findAll { it.enterpriseStatus }.measureId", hasItem("CN-ABOVE-SCALE-THRESHOLD"))
                .body("results.findAll { it.enterpriseStatus }.measureId", not(hasItem("CN-EIT-WEST15")))
                .body("results.find { it.measureId == 'WZ-XSG' }.status", is("NOT_ELIGIBLE"))
                .body("results.find { it.measureId == 'WZ-XSG' }.nearMiss", is(false))
                .body("results.find { it.measureId == 'WZ-XSG' }.criteria.find { it.id == 'first-above-scale-last-year' }.fixed", is(true));
    }

    @Test
    void heldTitlesShowTheirValidityAndSayWhenTheyLapsed() {
        given().contentType(ContentType.JSON).body(RECYCLER)
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("heldTitles.find { it.type == 'HIGH_TECH_ENTERPRISE' }.state", is("LAPSED"))
                .body("heldTitles.find { it.type == 'HIGH_TECH_ENTERPRISE' }.validUntil", is("2026-09-30"))
                .body("heldTitles.find { it.type == 'SPECIALIZED_SME' }.state", is("VALID"));
        given().contentType(ContentType.JSON).body(RECYCLER.replace("2026-12-04", "2026-08-01"))
                .when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("heldTitles.find { it.type == 'HIGH_TECH_ENTERPRISE' }.state", is("ENDING_SOON"))
                .body("heldTitles.find { it.type == 'HIGH_TECH_ENTERPRISE' }.daysLeft", is(60));
    }
}
