package org.huiqi.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.huiqi.evaluation.facts.Places;
import org.huiqi.fields.Field;
import org.huiqi.fields.FieldCatalog;
import org.huiqi.fields.Section;
import org.huiqi.rules.Lookup;
import org.huiqi.rules.PickLists;
import org.huiqi.rules.RuleSet;

/**
 * Read-only reference data of the serving rule set, for pickers (the web form): regions, parks,
 * industries and the catalog of profile fields, and a search over regions and industries for pickers
 * that search as the user types (the index is built with the rule set). The codes are the values the profile takes; nothing here is needed to call the API.
 */
@Path("/api/v1/reference")
@Tag(name = "Reference data")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceResource {
    private static final String QUERY = "Search text: a code or its beginning, part of a name (Chinese or English), or for "
            + "industries an everyday word. Changes the answer to the matches; without it the whole list. At most "
            + Lookup.MAX_QUERY_LENGTH + " characters; blank matches nothing";
    private static final String LIMIT = "With q: at most this many matches (default " + Lookup.DEFAULT_LIMIT + ", at most "
            + Lookup.MAX_LIMIT + ")";
    private static final String BAD_SEARCH = "limit is not a whole number from 1 to " + Lookup.MAX_LIMIT + ", or q is longer than "
            + Lookup.MAX_QUERY_LENGTH + " characters";
    private final RuleSets ruleSets;

    public ReferenceResource(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    @Schema(description = "A GB/T 2260 region; code is the value of profile.regionCode.")
    public record Region(@Schema(example = "450400") String code, @Schema(example = "梧州市") String zh,
                         @Schema(example = "Wuzhou") String en,
                         @Schema(description = "Regions one level down: cities of a province, counties of a city; a county with no city "
                                   + "in the list (Beijing's districts, 仙桃市) is a child of its province") List<Region> children) {
    }

    @Schema(description = "A named group of regions that rules refer to, such as the Pearl River Delta.")
    public record Group(@Schema(example = "pearl-river-delta") String id, @Schema(example = "珠三角地区") String zh,
                        @Schema(example = "Pearl River Delta") String en,
                        @Schema(description = "GB/T 2260 codes; a province or city code covers everything inside it") List<String> members) {
    }

    @Schema(description = "GB/T 2260 regions as a tree (province → city → county) and the groups rules use.",
            requiredProperties = {"version", "provinces", "groups"})
    public record Regions(@Schema(description = "Version of the rule set the data comes from") String version,
                          List<Region> provinces, List<Group> groups) {
    }

    @Schema(description = "GB/T 4754-2017 sections with their divisions.", requiredProperties = {"version", "sections"})
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

    @Schema(name = "ReferenceMatches", description = "The answer to a search (q given): the best matches first, at most limit of them.",
            requiredProperties = {"query", "items", "more"})
    public record Matches(@Schema(description = "The query as received", example = "梧州") String query,
                          List<Lookup.Match> items,
                          @Schema(description = "True when more entries matched than were listed: a longer query narrows them") boolean more) {
    }

    @GET
    @Path("regions")
    @Operation(operationId = "listRegions", summary = "GB/T 2260 regions and region groups, or a search over them",
            description = "Without q: every GB/T 2260 region to the county level (the rule set's reference/gbt2260.csv, names and English "
                    + "names from reference/regions.yaml where it gives them) as a tree: provinces (codes ending 0000), "
                    + "their cities (ending 00) and counties, by the code digits (a county the list gives no city for, such as a district of Beijing, directly under its province), and the groups. With q: the regions whose code "
                    + "starts with q, whose name (Chinese, or English where known, case ignored) contains it, or whose province "
                    + "or city does (梧州 finds 梧州市 and then its counties), best first: exact code, starts with, contains, "
                    + "then by an ancestor; each with its path (province, city). profile.regionCode must be one of these codes.")
    @APIResponse(responseCode = "200", description = "Without q the tree and groups (Regions); with q the matches (ReferenceMatches)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {Regions.class, Matches.class})))
    @APIResponse(responseCode = "400", description = BAD_SEARCH,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Object regions(@Parameter(description = QUERY, example = "梧州") @QueryParam("q") String q,
                          @Parameter(description = LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                                  maximum = "" + Lookup.MAX_LIMIT, defaultValue = "" + Lookup.DEFAULT_LIMIT)) @QueryParam("limit") String limit) {
        RuleSet ruleSet = ruleSets.serving();
        if (q != null) return search(ruleSet.pickLists().regionSearch(), q, limit);
        Places places = ruleSet.places();
        Map<String, List<Places.Place>> below = new HashMap<>();
        places.byCode().values().stream().sorted(Comparator.comparing(Places.Place::code)).forEach(place -> {
            List<Places.Place> above = places.above(place.code());
            if (!above.isEmpty()) below.computeIfAbsent(above.get(above.size() - 1).code(), k -> new ArrayList<>()).add(place);
        });
        List<Region> provinces = places.byCode().values().stream()
                .filter(p -> p.code().endsWith("0000"))
                .sorted(Comparator.comparing(Places.Place::code))
                .map(province -> region(province, below))
                .toList();
        List<Group> groups = places.groups().values().stream()
                .sorted(Comparator.comparing(Places.Group::id))
                .map(g -> new Group(g.id(), g.zh(), g.en(), g.members().stream().sorted().toList()))
                .toList();
        return new Regions(ruleSet.version(), provinces, groups);
    }

    @GET
    @Path("industries")
    @Operation(operationId = "listIndustries", summary = "GB/T 4754-2017 industries, or a search over them",
            description = "Without q: sections (门类 A–T) with their divisions (大类) and, where listed, groups (中类) and classes "
                    + "(小类), from the rule set's reference/industries.yaml; only some groups and classes are listed. A division's "
                    + "or class's code is a valid profile.industryCode. With q: the entries whose code starts with q (C38, 3841), "
                    + "whose Chinese or English name contains it (case ignored), whose everyday keywords do (再生资源, 锂电池, 回收), "
                    + "or whose section, division or group does, best first: exact code, starts with, contains, keyword, then by "
                    + "an ancestor; each with its path (section, division, group).")
    @APIResponse(responseCode = "200", description = "Without q the sections (Industries); with q the matches (ReferenceMatches)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {Industries.class, Matches.class})))
    @APIResponse(responseCode = "400", description = BAD_SEARCH,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Object industries(@Parameter(description = QUERY, example = "再生资源") @QueryParam("q") String q,
                             @Parameter(description = LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                                     maximum = "" + Lookup.MAX_LIMIT, defaultValue = "" + Lookup.DEFAULT_LIMIT)) @QueryParam("limit") String limit) {
        RuleSet ruleSet = ruleSets.serving();
        if (q != null) return search(ruleSet.pickLists().industrySearch(), q, limit);
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

    private static Matches search(Lookup lookup, String q, String limit) {
        if (q.length() > Lookup.MAX_QUERY_LENGTH) {
            throw RequestValidator.invalid("q", "is longer than " + Lookup.MAX_QUERY_LENGTH + " characters");
        }
        Lookup.Found found = lookup.find(q, limit(limit));
        return new Matches(q, found.items(), found.more());
    }

    private static int limit(String limit) {
        if (limit == null) return Lookup.DEFAULT_LIMIT;
        if (limit.matches("\\d{1,9}")) {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= Lookup.MAX_LIMIT) return n;
        }
        throw RequestValidator.invalid("limit", "must be a whole number from 1 to " + Lookup.MAX_LIMIT);
    }

    /**
     * The region one level up: a county's city, or its province when the list has no city for it
     * (the districts of Beijing or Chongqing, 仙桃市 directly under Hubei); a city's province.
     */
    private static Region region(Places.Place place, Map<String, List<Places.Place>> below) {
        return new Region(place.code(), place.zh(), place.en(),
                below.getOrDefault(place.code(), List.of()).stream().map(child -> region(child, below)).toList());
    }
}
