package org.huiqi.impact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.huiqi.impact.ImpactReport.Change;
import org.huiqi.impact.ImpactReport.MeasureImpact;
import org.huiqi.impact.ImpactReport.RegionImpact;
import org.huiqi.impact.ImpactReport.Rejected;
import org.huiqi.impact.ImpactReport.Status;

/** Adds up the partial reports of one population's shards into the report of the whole. */
public final class ImpactMerge {
    private ImpactMerge() {
    }

    /** @throws IllegalArgumentException when the parts compare different rule sets or dates */
    public static ImpactReport merge(List<ImpactReport> parts) {
        ImpactReport first = parts.get(0);
        for (ImpactReport part : parts) {
            if (!Objects.equals(part.baseline().version(), first.baseline().version())
                    || !Objects.equals(part.draft().version(), first.draft().version())
                    || !Objects.equals(part.asOf(), first.asOf())) {
                throw new IllegalArgumentException("the partial reports compare different rule sets or dates: "
                        + first.baseline().version() + " → " + first.draft().version() + " on " + first.asOf() + " and "
                        + part.baseline().version() + " → " + part.draft().version() + " on " + part.asOf());
            }
        }
        Map<String, MeasureImpact> measures = new TreeMap<>();
        Map<String, RegionImpact> regions = new TreeMap<>();
        List<Change> changes = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        long population = 0;
        long rejectedCount = 0;
        long changeCount = 0;
        for (ImpactReport part : parts) {
            population += part.population();
            rejectedCount += part.rejectedCount();
            part.rejected().stream().limit(ImpactTally.MAX_REJECTED_LISTED - rejected.size()).forEach(rejected::add);
            part.measures().forEach(m -> measures.merge(m.measureId(), m, ImpactMerge::plus));
            part.regions().forEach(r -> regions.merge(r.regionCode(), r, ImpactMerge::plus));
            changes.addAll(part.changes());
            changeCount += part.changeCount();
        }
        changes.sort(Comparator.comparingLong(Change::line).thenComparing(Change::measureId));
        return new ImpactReport(population, first.asOf(), first.baseline(), first.draft(), rejected, rejectedCount,
                List.copyOf(measures.values()), List.copyOf(regions.values()), changes, changeCount);
    }

    private static MeasureImpact plus(MeasureImpact a, MeasureImpact b) {
        return new MeasureImpact(a.measureId(), a.title(), a.presence(), plus(a.before(), b.before()), plus(a.after(), b.after()),
                a.newlyEligible() + b.newlyEligible(), a.noLongerEligible() + b.noLongerEligible(),
                a.needsInfoChanged() + b.needsInfoChanged(), a.amountChanged() + b.amountChanged(),
                a.amountBefore().plus(b.amountBefore()), a.amountAfter().plus(b.amountAfter()));
    }

    private static RegionImpact plus(RegionImpact a, RegionImpact b) {
        return new RegionImpact(a.regionCode(), a.name(), a.enterprises() + b.enterprises(), a.eligibleBefore() + b.eligibleBefore(),
                a.eligibleAfter() + b.eligibleAfter(), a.newlyEligible() + b.newlyEligible(), a.noLongerEligible() + b.noLongerEligible(),
                a.needsInfoChanged() + b.needsInfoChanged(), a.amountBefore().plus(b.amountBefore()), a.amountAfter().plus(b.amountAfter()));
    }

    private static Map<Status, Long> plus(Map<Status, Long> a, Map<Status, Long> b) {
        Map<Status, Long> sum = new EnumMap<>(Status.class);
        for (Status status : Status.values()) sum.put(status, a.getOrDefault(status, 0L) + b.getOrDefault(status, 0L));
        return sum;
    }
}
