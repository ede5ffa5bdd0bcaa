package org.huiqi.evaluation.facts;

import static org.huiqi.evaluation.Criteria.unknown;
import static org.huiqi.evaluation.Criteria.when;

import java.util.List;
import org.huiqi.evaluation.Check;

/** The region check shared by enterprises and projects. */
final class Locations {
    private Locations() {
    }

    static Check within(Places places, String regionCode, String field, String... placesOrGroups) {
        String required = "in " + places.describe(List.of(placesOrGroups));
        if (regionCode == null) return unknown(required, List.of(field));
        boolean in = false;
        for (String area : placesOrGroups) in |= places.contains(area, regionCode);
        return when(in, places.name(regionCode), required, field);
    }
}
