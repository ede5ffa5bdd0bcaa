package org.huiqi.impact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.huiqi.impact.ImpactReport.Amounts;
import org.huiqi.impact.ImpactReport.Change;
import org.huiqi.impact.ImpactReport.MeasureImpact;
import org.huiqi.impact.ImpactReport.RegionImpact;
import org.huiqi.impact.ImpactReport.Rejected;
import org.huiqi.impact.ImpactReport.Side;
import org.huiqi.impact.ImpactReport.Status;

/**
 * Adds enterprises up into an {@link ImpactReport}. Its size grows with the measures, the cities
 * and the changes listed, never with the population. Order of adding does not matter (the changes
 * are put in population order at the end), so evaluations may finish in any order on any thread.
 * Every change is counted, but only the first {@code changesListed} in population order are kept:
 * a sweeping draft over a large population would otherwise keep one entry per enterprise.
 */
final class ImpactTally {
    static final int MAX_REJECTED_LISTED = 100;

    private final Map<String, MeasureTally> measures = new TreeMap<>();
    private final Map<String, RegionTally> regions = new TreeMap<>();
    private static final Comparator<Change> POPULATION_ORDER = Comparator.comparingLong(Change::line).thenComparing(Change::measureId);

    private final int changesListed;
    /** The first changes so far, the last in population order on top, so an earlier one can replace it. */
    private final PriorityQueue<Change> changes = new PriorityQueue<>(POPULATION_ORDER.reversed());
    private long changeCount;
    private final List<Rejected> rejected = new ArrayList<>();
    private long population;
    private long rejectedCount;

    ImpactTally(Set<String> baselineMeasures, Set<String> draftMeasures, int changesListed) {
        this.changesListed = Math.max(0, changesListed);
        Set<String> all = new HashSet<>(baselineMeasures);
        all.addAll(draftMeasures);
        for (String id : all) measures.put(id, new MeasureTally());
    }

    /** @return whether the line is listed (the first {@value #MAX_REJECTED_LISTED}), so worth logging */
    synchronized boolean rejected(long line, String id, String error) {
        rejectedCount++;
        if (rejected.size() >= MAX_REJECTED_LISTED) return false;
        rejected.add(new Rejected(line, id, error));
        return true;
    }

    synchronized void add(String id, long line, String regionCode, Map<String, EnterpriseOutcome> before,
                          Map<String, EnterpriseOutcome> after) {
        population++;
        RegionTally region = regions.computeIfAbsent(cityOf(regionCode), c -> new RegionTally());
        region.enterprises++;
        // Only the measures with a result on either side: the others stay ABSENT, counted at the end.
        Set<String> decided = new HashSet<>(before.keySet());
        decided.addAll(after.keySet());
        for (String measureId : decided) {
            EnterpriseOutcome was = before.getOrDefault(measureId, EnterpriseOutcome.ABSENT);
            EnterpriseOutcome is = after.getOrDefault(measureId, EnterpriseOutcome.ABSENT);
            measures.computeIfAbsent(measureId, k -> new MeasureTally()).add(was, is);
            region.add(was, is);
            boolean amountChanged = was.status() == Status.ELIGIBLE && is.status() == Status.ELIGIBLE
                    && !sameAmount(was.amount(), is.amount());
            if (was.status() != is.status() || amountChanged) {
                list(new Change(id, line, measureId, was.status(), is.status(), was.amount(), is.amount()));
            }
        }
    }

    private void list(Change change) {
        changeCount++;
        if (changes.size() < changesListed) {
            changes.add(change);
        } else if (changesListed > 0 && POPULATION_ORDER.compare(change, changes.peek()) < 0) {
            changes.poll();
            changes.add(change);
        }
    }

    /** City (prefecture) of a GB/T 2260 code; "unknown" when the profile gives none. */
    static String cityOf(String regionCode) {
        return regionCode == null || regionCode.length() != 6 ? "unknown" : regionCode.substring(0, 4) + "00";
    }

    static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    ImpactReport report(LocalDate asOf, Side baseline, Side draft, Function<String, String> titles,
                        Set<String> baselineMeasures, Set<String> draftMeasures, Function<String, String> cityNames) {
        List<MeasureImpact> measureImpacts = new ArrayList<>();
        measures.forEach((id, m) -> measureImpacts.add(new MeasureImpact(id, titles.apply(id),
                !baselineMeasures.contains(id) ? "ADDED" : !draftMeasures.contains(id) ? "REMOVED" : null,
                counts(m.before), counts(m.after), m.changes.newly, m.changes.noLonger, m.changes.needsInfo, m.changes.amount,
                m.changes.amountBefore, m.changes.amountAfter)));
        List<RegionImpact> regionImpacts = new ArrayList<>();
        regions.forEach((code, r) -> regionImpacts.add(new RegionImpact(code, cityNames.apply(code), r.enterprises,
                r.eligibleBefore, r.eligibleAfter, r.changes.newly, r.changes.noLonger, r.changes.needsInfo,
                r.changes.amountBefore, r.changes.amountAfter)));
        List<Change> ordered = new ArrayList<>(changes);
        ordered.sort(POPULATION_ORDER);
        return new ImpactReport(population, asOf, baseline, draft, List.copyOf(rejected), rejectedCount, measureImpacts,
                regionImpacts, ordered, changeCount);
    }

    private Map<Status, Long> counts(long[] counts) {
        Map<Status, Long> map = new EnumMap<>(Status.class);
        long decided = 0;
        for (Status status : Status.values()) {
            if (status == Status.ABSENT) continue;
            map.put(status, counts[status.ordinal()]);
            decided += counts[status.ordinal()];
        }
        map.put(Status.ABSENT, population - decided);
        return map;
    }

    /** What changed between the two outcomes, summed: shared by measures and regions. */
    private static final class Changes {
        long newly;
        long noLonger;
        long needsInfo;
        long amount;
        Amounts amountBefore = Amounts.ZERO;
        Amounts amountAfter = Amounts.ZERO;

        void add(EnterpriseOutcome was, EnterpriseOutcome is) {
            boolean before = was.status() == Status.ELIGIBLE;
            boolean after = is.status() == Status.ELIGIBLE;
            if (!before && after) newly++;
            if (before && !after) noLonger++;
            if ((was.status() == Status.NEEDS_INFO) != (is.status() == Status.NEEDS_INFO)) needsInfo++;
            if (before && after && !sameAmount(was.amount(), is.amount())) amount++;
            if (before && was.monetary()) amountBefore = amountBefore.plus(was.amount(), was.confirmed(), was.ceiling());
            if (after && is.monetary()) amountAfter = amountAfter.plus(is.amount(), is.confirmed(), is.ceiling());
        }
    }

    private static final class MeasureTally {
        final long[] before = new long[Status.values().length];
        final long[] after = new long[Status.values().length];
        final Changes changes = new Changes();

        void add(EnterpriseOutcome was, EnterpriseOutcome is) {
            before[was.status().ordinal()]++;
            after[is.status().ordinal()]++;  // ABSENT here is not used: counts() derives it from the population
            changes.add(was, is);
        }
    }

    private static final class RegionTally {
        long enterprises;
        long eligibleBefore;
        long eligibleAfter;
        final Changes changes = new Changes();

        void add(EnterpriseOutcome was, EnterpriseOutcome is) {
            if (was.status() == Status.ELIGIBLE) eligibleBefore++;
            if (is.status() == Status.ELIGIBLE) eligibleAfter++;
            changes.add(was, is);
        }
    }

    static boolean sameVersions(ImpactReport a, ImpactReport b) {
        return Objects.equals(a.baseline().version(), b.baseline().version()) && Objects.equals(a.draft().version(), b.draft().version());
    }
}
