package org.huiqi.evaluation.facts;

import static org.huiqi.evaluation.Criteria.oneOf;
import static org.huiqi.evaluation.Criteria.unknown;

import java.util.List;

import org.huiqi.evaluation.Check;
import org.huiqi.evaluation.Flag;
import org.huiqi.evaluation.Num;
import org.huiqi.profile.ProjectInput;

/** One investment project as rules see it; field paths name its place in the profile. */
public final class Project {
    private final Enterprise enterprise;
    private final ProjectInput input;
    private final int index;
    private final Places places;

    Project(Enterprise enterprise, ProjectInput input, int index, Places places) {
        this.enterprise = enterprise;
        this.input = input;
        this.index = index;
        this.places = places;
    }

    /**
     * Stands in for the projects of a profile that does not list any, so that per-project measures
     * can still be placed: at the enterprise's place (presumed local), or, when the enterprise says it
     * has projects elsewhere, anywhere (a place other than its own is then unknown until the projects
     * are given). Its other answers are all unknown and are not reported. Its id is null: its
     * outcomes are the measure's own.
     */
    public static Project unlisted(Enterprise enterprise, Places places) {
        return new Project(enterprise, new ProjectInput(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null), UNLISTED, places);
    }

    private static final int UNLISTED = -1;

    /** The caller's id, or its position ("#1") when the caller gave none; null for the unlisted stand-in. */
    public String id() {
        if (index == UNLISTED) return null;
        return input.id() != null ? input.id() : "#" + (index + 1);
    }

    public Enterprise enterprise() {
        return enterprise;
    }

    /** Located in {@code placeOrGroup}; a project without its own region is where the enterprise is. */
    public Check locatedIn(String... placesOrGroups) {
        if (index == UNLISTED && Boolean.TRUE.equals(enterprise.profile().projectsElsewhere())) {
            Check local = enterprise.locatedIn(placesOrGroups);
            return local.met() ? local : unknown("a project in " + places.describe(List.of(placesOrGroups)), List.of("projects"));
        }
        if (input.regionCode() == null) return enterprise.locatedIn(placesOrGroups);
        return Locations.within(places, input.regionCode(), path("regionCode"), placesOrGroups);
    }

    /** The project is of one of the {@code kinds} (MANUFACTURING, ENERGY_STORAGE, ...). */
    public Check kindIn(String... kinds) {
        return oneOf(input.kind() == null ? null : input.kind().name(), path("kind"), kinds);
    }

    /** Uses one of the storage {@code technologies} (SODIUM_ION, FLOW, ...). */
    public Check storageTechnologyIn(String... technologies) {
        return oneOf(input.storageTechnology() == null ? null : input.storageTechnology().name(), path("storageTechnology"), technologies);
    }

    public Num totalInvestment() {
        return Num.input(input.totalInvestment(), path("totalInvestment"));
    }

    public Num newFixedAssetInvestment() {
        return Num.input(input.newFixedAssetInvestment(), path("newFixedAssetInvestment"));
    }

    public Num buildingArea() {
        return Num.input(input.buildingAreaM2(), path("buildingAreaM2"));
    }

    public Num firstRevenueYear() {
        return Num.input(input.firstRevenueYear(), path("firstRevenueYear"));
    }

    /**
     * The project's tax year counted from its first revenue year, in the evaluation date's year:
     * 1 in the first revenue year itself, 0 or less before it.
     */
    public Num yearSinceFirstRevenue() {
        return Num.constant(enterprise.asOf().getYear() + 1).minus(firstRevenueYear());
    }

    /** The project's taxable income in the last full year, 万元. */
    public Num taxableIncomeLastYear() {
        return Num.input(input.taxableIncomeLastYear(), path("taxableIncomeLastYear"));
    }

    public Flag inProvincialStrategicCluster() {
        return Flag.input(input.inProvincialStrategicCluster(), path("inProvincialStrategicCluster"));
    }

    /** Builds one of the {@code types} (STANDARD_FACTORY, GENERAL_WAREHOUSE, INNOVATIVE_INDUSTRIAL, OTHER). */
    public Check buildingTypeIn(String... types) {
        return oneOf(input.buildingType() == null ? null : input.buildingType().name(), path("buildingType"), types);
    }

    public Flag industrialLandByListing() {
        return Flag.input(input.industrialLandByListing(), path("industrialLandByListing"));
    }

    public Flag environmentalCatalog() {
        return Flag.input(input.environmentalCatalog(), path("environmentalCatalog"));
    }

    public Flag previouslyProvincialFunded() {
        return Flag.input(input.previouslyProvincialFunded(), path("previouslyProvincialFunded"));
    }

    public Flag commitmentSystem() {
        return Flag.input(input.commitmentSystem(), path("commitmentSystem"));
    }

    private String path(String field) {
        return index == UNLISTED ? "projects" : "projects[" + index + "]." + field;
    }

    @Override
    public String toString() {
        return "Project[" + id() + "]";
    }
}
