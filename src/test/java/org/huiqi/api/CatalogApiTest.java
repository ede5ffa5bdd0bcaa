package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogApiTest {
    @Test
    void catalogInForceOnADate() {
        given().queryParam("asOf", "2025-06-01").when().get("/api/v1/measures")
                .then().statusCode(200)
                .body("measures.id", hasItems("CN-MIIT-INNOVATIVE-SME", "CN-MIIT-SPECIALIZED-SME", "CN-MIIT-LITTLE-GIANT",
                        "CN-ABOVE-SCALE-THRESHOLD", "GD-XSG-2025", "WZ-XSG"))
                .body("measures.find { it.id == 'GD-XSG-2025' }.criteria.id", hasItems("region", "qualifying-items", "exclusions"))
                .body("measures.find { it.id == 'GD-XSG-2025' }.validTo", is("2027-12-31"));
        given().queryParam("asOf", "2026-06-01").when().get("/api/v1/measures")
                .then().statusCode(200).body("measures.id", not(hasItem("CN-MIIT-SPECIALIZED-SME")));
    }

    @Test
    void catalogForWuzhouHasNationalGuangxiAndWuzhouButNotGuangdong() {
        given().queryParam("asOf", "2025-06-01").queryParam("region", "450400").when().get("/api/v1/measures")
                .then().statusCode(200)
                .body("region", is("450400"))
                .body("measures.id", hasItems("CN-MIIT-SPECIALIZED-SME", "WZ-XSG"))
                .body("measures.id", not(hasItem("GD-XSG-2025")));
    }

    @Test
    void aProvinceOnlyRegionKeepsItsCitiesMeasuresAndDropsOtherProvinces() {
        given().queryParam("asOf", "2025-06-01").queryParam("region", "440000").when().get("/api/v1/measures")
                .then().statusCode(200)
                .body("measures.id", hasItems("GD-XSG-2025", "GD-SINGLE-CHAMPION", "HZ-STORAGE-MFG-POWER", "ZQ-MFG-INVEST"))
                .body("measures.id", not(hasItem("WZ-XSG")));
        given().queryParam("asOf", "2025-06-01").queryParam("region", "450000").when().get("/api/v1/measures")
                .then().statusCode(200)
                .body("measures.id", hasItems("WZ-XSG", "GX-WZ-PARK", "CN-EIT-WEST15"))
                .body("measures.id", not(hasItem("GD-XSG-2025")));
    }

    @Test
    void ceilingsEstimatesAndSuccessorsAreDeclaredInTheCatalog() {
        given().queryParam("asOf", "2025-06-01").when().get("/api/v1/measures")
                .then().statusCode(200)
                .body("measures.find { it.id == 'GD-MFG-INVEST-2PCT' }.basis", is("UP_TO"))
                .body("measures.find { it.id == 'JM-STORAGE-INVEST' }.basis", is("UP_TO"))
                .body("measures.find { it.id == 'CN-HNTE-EIT15' }.basis", is("ESTIMATE"))
                .body("measures.find { it.id == 'GD-XSG-2025' }.basis", is("EXACT"))
                .body("measures.find { it.id == 'GD-XSG-2025' }.confirmedUntil", is("2025-12-31"))
                .body("measures.find { it.id == 'CN-MIIT-LITTLE-GIANT' }.successor.note.en", startsWith("Reported superseded"))
                .body("measures.find { it.id == 'CN-EIT-WEST15' }.citation.article", is("第一条、第五条"));
    }

    @Test
    void oneMeasureAndAnUnknownOne() {
        given().when().get("/api/v1/measures/GD-XSG-2025")
                .then().statusCode(200)
                .body("citation.number", is("粤工信融资函〔2025〕20号"))
                .body("file", is("guangdong/xsg-2025.drl"));
        given().when().get("/api/v1/measures/NO-SUCH")
                .then().statusCode(404).contentType("application/problem+json").body("detail", is("no measure with id 'NO-SUCH'"));
    }

    @Test
    void ruleSetDescribesItself() {
        given().when().get("/api/v1/ruleset")
                .then().statusCode(200)
                .body("version", startsWith("sha256:"))
                .body("files", hasItem("guangdong/xsg-2025.drl"))
                .body("lastReload.status", is("ACTIVATED"));
    }

    @Test
    void healthIsReadyWithARuleSet() {
        Management.given().when().get("/q/health/ready")
                .then().statusCode(200).body("checks.find { it.name == 'rule-set' }.status", is("UP"));
    }

    @Test
    void openApiDocumentsUnits() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("components.schemas.YearFigures.properties.rdExpense.description", is("R&D expense (研发费用), 万元"));
    }
}
