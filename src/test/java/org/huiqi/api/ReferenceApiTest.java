package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.huiqi.fields.FieldCatalog;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pickers' reference data: what the web form offers is what the rule set knows. */
@QuarkusTest
class ReferenceApiTest {
    @Test
    void regionsAreATreeByCodeDigits() {
        given().when().get("/api/v1/reference/regions")
                .then().statusCode(200)
                .body("version", startsWith("sha256:"))
                .body("provinces.code", hasItems("440000", "450000", "330000"))
                .body("provinces.find { it.code == '450000' }.zh", is("广西壮族自治区"))
                .body("provinces.find { it.code == '450000' }.children.find { it.code == '450400' }.zh", is("梧州市"))
                .body("provinces.find { it.code == '450000' }.children.find { it.code == '450400' }.children.code",
                        hasItems("450403", "450481"))
                .body("provinces.find { it.code == '330000' }.children.find { it.code == '331100' }.children.code", hasItems("331123"))
                .body("provinces.find { it.code == '500000' }.children.code", hasItems("500101"))
                .body("provinces.find { it.code == '420000' }.children.code", hasItems("420100", "429004"))
                .body("provinces.find { it.code == '110000' }.children.find { it.code == '110108' }.zh", is("海淀区"))
                .body("groups.find { it.id == 'pearl-river-delta' }.members", hasItems("441200", "440700"));
    }

    /** Every county-level unit is in the tree, those the list gives no city for (Beijing's districts) under their province. */
    @Test
    void theTreeHoldsEveryCountyLevelUnit() throws java.io.IOException {
        long listed = java.nio.file.Files.readAllLines(java.nio.file.Path.of("rules/reference/gbt2260.csv")).stream()
                .filter(line -> line.matches("\\d{4}(?!00)\\d{2},.+")).count();
        String tree = given().when().get("/api/v1/reference/regions").then().statusCode(200).extract().asString();
        long counties = java.util.regex.Pattern.compile("\"code\":\"\\d{4}(?!00)\\d{2}\"").matcher(tree).results().count();
        assertThat(listed).isGreaterThanOrEqualTo(2800);
        assertThat(counties).isEqualTo(listed);
    }

    @Test
    void industriesHaveAllSectionsAndTheManufacturingDivisions() {
        String[] divisions = IntStream.rangeClosed(13, 43).mapToObj(d -> "C" + d).toArray(String[]::new);
        given().when().get("/api/v1/reference/industries")
                .then().statusCode(200)
                .body("sections.code", contains("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T"))
                .body("sections.find { it.code == 'C' }.divisions.code", hasItems(divisions))
                .body("sections.find { it.code == 'C' }.divisions.find { it.code == 'C42' }.zh", is("废弃资源综合利用业"))
                .body("sections.find { it.code == 'C' }.divisions.find { it.code == 'C42' }.classes.code", hasItems("C4210"))
                .body("sections.divisions.flatten().en", everyItem(org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString())));
    }

    @Test
    void parksWithTheirCity() {
        given().when().get("/api/v1/reference/parks")
                .then().statusCode(200)
                .body("parks.id", hasItems("wuzhou-circular-economy-park", "wuzhou-lingang-etdz"))
                .body("parks.find { it.id == 'wuzhou-circular-economy-park' }.zh", is("梧州循环经济产业园区"))
                .body("parks.regionCode", everyItem(is("450400")));
    }

    @Test
    void fieldsCarryLabelsUnitsValuesAndTheirReaders() {
        given().when().get("/api/v1/reference/fields")
                .then().statusCode(200)
                .body("version", startsWith("sha256:"))
                .body("sections.id", hasItems("basic", "finance", "recycling", "projects"))
                .body("fields.path", hasItems("sellsCollectedRecycledResources", "majorIncidentWithin1Year", "aboveScaleSince",
                        "projects[].buildingType", "projects[].taxableIncomeLastYear", "financials.{year}.rdExpense"))
                .body("fields.find { it.path == 'financials.{year}.rdExpense' }.label.zh", is("研发费用"))
                .body("fields.find { it.path == 'financials.{year}.rdExpense' }.unit.zh", is("万元"))
                .body("fields.find { it.path == 'financials.{year}.rdExpense' }.readBy", hasItems("FiscalYear.rdRatio"))
                .body("fields.find { it.path == 'projects[].buildingType' }.values.value",
                        contains("STANDARD_FACTORY", "GENERAL_WAREHOUSE", "INNOVATIVE_INDUSTRIAL", "OTHER"))
                .body("fields.find { it.path == 'projects[].buildingType' }.values.find { it.value == 'STANDARD_FACTORY' }.zh", is("标准厂房"))
                .body("fields.findAll { it.basic }.path", hasItems("regionCode", "industryCode", "employees", "firstAboveScaleYear"));
    }

    /** Every field a rule names in a result (read, or missing) is one the catalog describes. */
    @Test
    void everyFieldRulesReadIsInTheCatalog() {
        FieldCatalog catalog = FieldCatalog.builtIn();
        Set<String> named = new TreeSet<>();
        for (String profile : List.of("{}",
                "{\"projects\": [{}], \"certifications\": [{\"type\": \"HIGH_TECH_ENTERPRISE\"}, {\"type\": \"SPECIALIZED_SME\"}],"
                        + " \"awards\": [{\"kind\": \"SCIENCE_TECHNOLOGY\", \"level\": \"NATIONAL\"}], \"quarterlyOutput\": [{\"year\": 2023, \"quarter\": 1}],"
                        + " \"firstAboveScaleYear\": 2024}")) {
            List<Map<String, Object>> results = given().contentType("application/json")
                    .body("{\"asOf\": \"2025-06-01\", \"profile\": " + profile + "}")
                    .when().post("/api/v1/eligibility?explain=all").then().statusCode(200).extract().path("results");
            for (Map<String, Object> r : results) collectFields(r, named);
        }
        assertThat(named).as("fields rules read").hasSizeGreaterThan(40);
        List<String> undescribed = named.stream().filter(f -> catalog.find(f).isEmpty()).toList();
        assertThat(undescribed).as("fields rules read that the catalog does not describe").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static void collectFields(Object node, Set<String> out) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (("fields".equals(e.getKey()) || "missingFields".equals(e.getKey())) && e.getValue() instanceof List<?> list) {
                    list.forEach(f -> out.add((String) f));
                } else {
                    collectFields(e.getValue(), out);
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectFields(item, out));
        }
    }
}
