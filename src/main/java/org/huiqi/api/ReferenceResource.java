package org.huiqi.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.huiqi.evaluation.facts.Places;
import org.huiqi.fields.Field;
import org.huiqi.fields.FieldCatalog;
import org.huiqi.fields.Section;
import org.huiqi.rules.PickLists;
import org.huiqi.rules.RuleSet;

/**
 * Read-only reference data of the serving rule set, for pickers (the web form): regions, parks,
 * industries and the catalog of profile fields. The codes are the values the profile takes; nothing here is needed to call the API.
 */
@Path("/api/v1/reference")
@Tag(name = "Reference data")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceResource {
    private final RuleSets ruleSets;

    public ReferenceResource(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    @Schema(description = "A GB/T 2260 region; code is the value of profile.regionCode.")
    public record Region(@Schema(example = "450400") String code, @Schema(example = "梧州市") String zh,
                         @Schema(example = "Wuzhou") String en,
                         @Schema(description = "Regions one level down: cities of a province, counties of a city") List<Region> children) {
    }

    @Schema(description = "A named group of regions that rules refer to, such as the Pearl River Delta.")
    public record Group(@Schema(example = "pearl-river-delta") String id, @Schema(example = "珠三角地区") String zh,
                        @Schema(example = "Pearl River Delta") String en,
                        @Schema(description = "GB/T 2260 codes; a province or city code covers everything inside it") List<String> members) {
    }

    @Schema(description = "GB/T 2260 regions as a tree (province → city → county) and the groups rules use.")
    public record Regions(@Schema(description = "Version of the rule set the data comes from") String version,
                          List<Region> provinces, List<Group> groups) {
    }

    @Schema(description = "GB/T 4754-2017 sections with their divisions.")
    public record Industries(@Schema(description = "Version of the rule set the data comes from") String version,
                             List<PickLists.IndustrySection> sections) {
    }

    @Schema(description = "Industrial parks known to the rule set.")
    public record Parks(@Schema(description = "Version of the rule set the data comes from") String version,
                        List<PickLists.Park> parks) {
    }

    @Schema(description = "Every profile input: the catalog the web form, the labels in results and the staff guide derive from.")
    public record Fields(@Schema(description = "Version of the rule set the catalog goes with") String version,
                         @Schema(description = "Form sections in display order") List<Section> sections,
                         @Schema(description = "Fields in display order") List<Field> fields) {
    }

    @GET
    @Path("fields")
    @Operation(operationId = "listFields", summary = "Profile fields",
            description = "Every input of the profile with its JSON path ({year} for a four-digit year, [] for a list position), "
                    + "zh/en label and help, unit, type, allowed values with zh/en labels, form section, and the fact readers "
                    + "rules use to read it. A question's catalogField and a result's missingFields resolve to these paths.")
    @APIResponse(responseCode = "200", description = "The field catalog",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Fields.class)))
    public Fields fields() {
        RuleSet ruleSet = ruleSets.serving();
        FieldCatalog catalog = FieldCatalog.of(ruleSet);
        return new Fields(ruleSet.version(), catalog.sections(), catalog.fields());
    }

    @GET
    @Path("regions")
    @Operation(operationId = "listRegions", summary = "GB/T 2260 regions and region groups",
            description = "Every GB/T 2260 region to the county level (the rule set's reference/gbt2260.csv, names and English "
                    + "names from reference/regions.yaml where it gives them) as a tree: provinces (codes ending 0000), "
                    + "their cities (ending 00) and counties, by the code digits. profile.regionCode must be one of these codes.")
    @APIResponse(responseCode = "200", description = "Regions and groups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Regions.class)))
    public Regions regions() {
        RuleSet ruleSet = ruleSets.serving();
        Places places = ruleSet.places();
        List<Places.Place> all = places.byCode().values().stream().sorted(Comparator.comparing(Places.Place::code)).toList();
        List<Region> provinces = all.stream()
                .filter(p -> p.code().endsWith("0000"))
                .map(province -> region(province, all.stream()
                        .filter(c -> isCity(c.code()) && c.code().startsWith(province.code().substring(0, 2)))
                        .map(city -> region(city, all.stream()
                                .filter(c -> !c.code().endsWith("00") && c.code().startsWith(city.code().substring(0, 4)))
                                .map(county -> region(county, List.of()))
                                .toList()))
                        .toList()))
                .toList();
        List<Group> groups = places.groups().values().stream()
                .sorted(Comparator.comparing(Places.Group::id))
                .map(g -> new Group(g.id(), g.zh(), g.en(), g.members().stream().sorted().toList()))
                .toList();
        return new Regions(ruleSet.version(), provinces, groups);
    }

    @GET
    @Path("industries")
    @Operation(operationId = "listIndustries", summary = "GB/T 4754-2017 industries",
            description = "Sections (门类 A–T) with their divisions (大类) and, where listed, classes, from the rule set's "
                    + "reference/industries.yaml. A division's or class's code is a valid profile.industryCode.")
    @APIResponse(responseCode = "200", description = "Sections and divisions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Industries.class)))
    public Industries industries() {
        RuleSet ruleSet = ruleSets.serving();
        return new Industries(ruleSet.version(), ruleSet.pickLists().industries());
    }

    @GET
    @Path("parks")
    @Operation(operationId = "listParks", summary = "Industrial parks",
            description = "Parks from the rule set's reference/parks.yaml, with the region they lie in; an id is a valid "
                    + "profile.parks entry.")
    @APIResponse(responseCode = "200", description = "Parks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Parks.class)))
    public Parks parks() {
        RuleSet ruleSet = ruleSets.serving();
        return new Parks(ruleSet.version(), ruleSet.pickLists().parks());
    }

    private static boolean isCity(String code) {
        return code.endsWith("00") && !code.endsWith("0000");
    }

    private static Region region(Places.Place place, List<Region> children) {
        return new Region(place.code(), place.zh(), place.en(), children);
    }
}
