package org.huiqi.evaluation.facts;

import static org.huiqi.evaluation.Criteria.unknown;
import static org.huiqi.evaluation.Criteria.when;

import java.util.List;
import org.huiqi.evaluation.Check;
import org.huiqi.evaluation.Outcome;

/** The region check shared by enterprises and projects. */
final class Locations {
    private Locations() {
    }

    static Check within(Places places, String regionCode, String field, String... placesOrGroups) {
        String required = "in " + places.describe(List.of(placesOrGroups));
        if (regionCode == null) return unknown(required, List.of(field));
        boolean coarse = false;
        for (String area : placesOrGroups) {
            Places.Relation relation = places.relation(area, regionCode);
            if (relation == Places.Relation.INSIDE) return when(true, places.name(regionCode), required, field);
            coarse |= relation == Places.Relation.TOO_COARSE;
        }
        // A province-only code for a city criterion: the enterprise is not elsewhere, its city is unknown.
        if (coarse) return new Check(Outcome.UNKNOWN, places.name(regionCode) + ": city or county not given", required,
                List.of(field), List.of(field), null, List.of());
        return when(false, places.name(regionCode), required, field);
    }
}
