package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
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
                .body("provinces.find { it.code == '500000' }.children.size()", is(0))
                .body("groups.find { it.id == 'pearl-river-delta' }.members", hasItems("441200", "440700"));
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
}
