package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Acceptance of issue 3: every measure of measures.md is in the catalog on a date inside its period. */
@QuarkusTest
class FullCatalogApiTest {
    /** Each id of shared/policy/measures.md with a date inside its effective period. */
    private static final Map<String, String> IN_FORCE = new LinkedHashMap<>();

    static {
        for (String id : new String[] {"CN-MIIT-INNOVATIVE-SME", "CN-MIIT-SPECIALIZED-SME", "CN-MIIT-LITTLE-GIANT"}) {
            IN_FORCE.put(id, "2025-06-01"); // 2022-06-01 .. 2026-01-16
        }
        IN_FORCE.put("CN-ABOVE-SCALE-THRESHOLD", "2025-06-01");
        IN_FORCE.put("GD-XSG-2025", "2025-06-01");            // 2025-01-01 .. 2027-12-31
        IN_FORCE.put("WZ-XSG", "2025-06-01");
        IN_FORCE.put("CN-HNTE", "2025-06-01");
        IN_FORCE.put("CN-HNTE-EIT15", "2025-06-01");
        IN_FORCE.put("CN-VAT-RECYCLER-SIMPLE3", "2022-03-01"); // first day
        IN_FORCE.put("CN-VAT-RCU-REFUND", "2022-03-01");
        IN_FORCE.put("CN-EIT-RCU-90", "2021-01-01");
        IN_FORCE.put("CN-EIT-ENV-3F3H", "2025-06-01");
        IN_FORCE.put("CN-EIT-WEST15", "2030-12-31");          // last day
        IN_FORCE.put("CN-REVERSE-INVOICE", "2024-04-29");     // first day
        IN_FORCE.put("GX-WZ-PARK", "2026-12-31");             // last day
        IN_FORCE.put("GX-CHAMPION-FIRST-AWARD", "2024-02-07");
        IN_FORCE.put("WZ-Q1-2023-OUTPUT", "2023-03-01");      // 2023-01-01 .. 2023-03-31 only
        IN_FORCE.put("GD-MFG-INVEST-2PCT", "2025-06-01");
        IN_FORCE.put("GD-SINGLE-CHAMPION", "2025-06-01");
        IN_FORCE.put("ZQ-MFG-INVEST", "2025-06-01");
        IN_FORCE.put("HZ-STORAGE-DEMO", "2025-06-01");        // 2023-07-04 .. 2026-07-03
        IN_FORCE.put("HZ-STORAGE-MFG-POWER", "2026-07-03");   // last day
        IN_FORCE.put("JM-STORAGE-INVEST", "2025-06-01");
        IN_FORCE.put("ZJ-LOW-RISK-20D", "2025-06-01");
        IN_FORCE.put("SC-LAND-START", "2025-06-01");
    }

    @Test
    void everyMeasureOfTheCatalogIsListedOnADateInsideItsPeriod() {
        IN_FORCE.forEach((id, date) -> given().queryParam("asOf", date).when().get("/api/v1/measures")
                .then().statusCode(200).body("measures.id", hasItem(id)));
    }

    @Test
    void theQuarterlyAwardIsNotListedTodayAndTheMeasuresAreSelfDescribing() {
        given().queryParam("asOf", "2025-06-01").when().get("/api/v1/measures")
                .then().statusCode(200)
                .body("measures.id", not(hasItem("WZ-Q1-2023-OUTPUT")))
                .body("measures.find { it.id == 'CN-EIT-WEST15' }.conflicts", hasItem("CN-HNTE-EIT15"))
                .body("measures.find { it.id == 'CN-HNTE-EIT15' }.conflicts", hasItem("CN-EIT-WEST15"))
                .body("measures.find { it.id == 'CN-VAT-RCU-REFUND' }.confirmed", is(false))
                .body("measures.find { it.id == 'GD-MFG-INVEST-2PCT' }.perProject", is(true));
        given().queryParam("asOf", "2023-04-01").when().get("/api/v1/measures")
                .then().statusCode(200).body("measures.id", not(hasItem("WZ-Q1-2023-OUTPUT")));
    }

    @Test
    void wuzhouSeesNationalGuangxiAndWuzhouMeasuresOnly() {
        given().queryParam("region", "450400").queryParam("asOf", "2025-06-01").when().get("/api/v1/measures")
                .then().statusCode(200)
                .body("measures.id", hasItems("CN-HNTE", "CN-HNTE-EIT15", "CN-VAT-RECYCLER-SIMPLE3", "CN-VAT-RCU-REFUND",
                        "CN-EIT-RCU-90", "CN-EIT-ENV-3F3H", "CN-EIT-WEST15", "CN-REVERSE-INVOICE",
                        "GX-WZ-PARK", "GX-CHAMPION-FIRST-AWARD", "WZ-XSG"))
                .body("measures.jurisdiction", everyItem(anyOf(startsWith("national"), startsWith("guangxi"))))
                .body("measures.id", not(hasItems("GD-XSG-2025")))
                .body("measures.id", not(hasItem("GD-MFG-INVEST-2PCT")))
                .body("measures.id", not(hasItem("ZQ-MFG-INVEST")))
                .body("measures.id", not(hasItem("ZJ-LOW-RISK-20D")))
                .body("measures.id", not(hasItem("SC-LAND-START")));
    }

    @Test
    void bothFifteenPercentRatesNameEachOtherWithAdviceInAnEvaluation() {
        String body = """
                {"asOf": "2025-06-01", "profile": {"regionCode": "450400", "westernEncouragedRevenueSharePct": 80,
                  "certifications": [{"type": "HIGH_TECH_ENTERPRISE", "recognizedOn": "2024-01-10"}],
                  "financials": {"2024": {"taxableProfit": 800}}}}
                """;
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("results.find { it.measureId == 'CN-HNTE-EIT15' }.benefit.amount", is(80))
                .body("results.find { it.measureId == 'CN-HNTE-EIT15' }.conflicts[0].measureId", is("CN-EIT-WEST15"))
                .body("results.find { it.measureId == 'CN-HNTE-EIT15' }.conflicts[0].status", is("ELIGIBLE"))
                .body("results.find { it.measureId == 'CN-HNTE-EIT15' }.conflicts[0].recommended", is("CN-EIT-WEST15"))
                .body("results.find { it.measureId == 'CN-EIT-WEST15' }.conflicts[0].measureId", is("CN-HNTE-EIT15"))
                .body("results.find { it.measureId == 'CN-EIT-WEST15' }.conflicts[0].recommended", is("CN-EIT-WEST15"));
    }

    @Test
    void aWuzhouProfileSeesGuangdongMeasuresOnlyWithExplainAll() {
        String body = """
                {"asOf": "2025-06-01", "profile": {"regionCode": "450400"}}
                """;
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("results.measureId", not(hasItem("GD-XSG-2025")))
                .body("results.measureId", not(hasItem("GD-MFG-INVEST-2PCT")));
        given().contentType(ContentType.JSON).body(body).queryParam("explain", "all").when().post("/api/v1/eligibility")
                .then().statusCode(200)
                .body("results.find { it.measureId == 'GD-MFG-INVEST-2PCT' }.failedCriteria", hasItem("region"))
                .body("results.find { it.measureId == 'GD-XSG-2025' }.failedCriteria", hasItem("region"));
    }
}
