package org.huiqi.impact;

import java.math.BigDecimal;
import java.util.Map;
import org.huiqi.impact.ImpactReport.Amounts;
import org.huiqi.impact.ImpactReport.Change;
import org.huiqi.impact.ImpactReport.MeasureImpact;
import org.huiqi.impact.ImpactReport.RegionImpact;
import org.huiqi.impact.ImpactReport.Status;

/** The report as plain-text tables, for a terminal or an e-mail. Money in 万元. */
final class TextReport {
    private final StringBuilder out = new StringBuilder();

    private TextReport() {
    }

    static String of(ImpactReport report) {
        return new TextReport().render(report);
    }

    private String render(ImpactReport r) {
        line("Policy impact of a draft rule set (政策影响测算), evaluated on " + r.asOf());
        line("population: " + r.population() + " enterprises" + (r.rejectedCount() > 0 ? ", " + r.rejectedCount() + " lines not evaluated" : ""));
        line("baseline:   " + r.baseline().version() + " (" + r.baseline().measureCount() + " measures)");
        line("draft:      " + r.draft().version() + " (" + r.draft().measureCount() + " measures)");
        if (!r.draft().scenarioFailures().isEmpty()) {
            line("");
            line("The draft fails " + r.draft().scenarioFailures().size() + " scenario(s) (reported, not fatal):");
            r.draft().scenarioFailures().forEach(f -> line("  " + f));
        }
        line("");
        line("Per measure: enterprises ELIGIBLE / NEEDS_INFO / NOT_ELIGIBLE / ABSENT, before -> after; amounts in 万元 "
                + "(confirmed + unconfirmed; ceilings apart; n = eligible without an amount)");
        row("%-30s %-22s %-22s %7s %7s %6s  %s", "measure", "before E/N/X/A", "after E/N/X/A", "+elig", "-elig", "ΔNI", "amount before -> after");
        for (MeasureImpact m : r.measures()) {
            row("%-30s %-22s %-22s %7d %7d %6d  %s -> %s", m.measureId() + (m.presence() == null ? "" : " [" + m.presence() + "]"),
                    counts(m.before()), counts(m.after()), m.newlyEligible(), m.noLongerEligible(), m.needsInfoChanged(),
                    amounts(m.amountBefore()), amounts(m.amountAfter()));
        }
        line("");
        line("Per city: eligible enterprise/measure pairs and amounts, before -> after");
        row("%-8s %-10s %8s %17s %7s %7s  %s", "code", "city", "firms", "eligible", "+elig", "-elig", "amount before -> after");
        for (RegionImpact g : r.regions()) {
            row("%-8s %-10s %8d %17s %7d %7d  %s -> %s", g.regionCode(), g.name(), g.enterprises(),
                    g.eligibleBefore() + " -> " + g.eligibleAfter(), g.newlyEligible(), g.noLongerEligible(),
                    amounts(g.amountBefore()), amounts(g.amountAfter()));
        }
        line("");
        line("Changes: " + r.changeCount() + (r.changeCount() > ReportFormat.CHANGES_LISTED ? " (first " + ReportFormat.CHANGES_LISTED
                + " listed; --format json lists all)" : ""));
        r.changes().stream().limit(ReportFormat.CHANGES_LISTED).forEach(this::change);
        if (!r.rejected().isEmpty()) {
            line("");
            line("Lines not evaluated: " + r.rejectedCount() + (r.rejectedCount() > r.rejected().size() ? " (first " + r.rejected().size() + ")" : ""));
            r.rejected().forEach(x -> line("  line " + x.line() + (x.id() == null ? "" : " (" + x.id() + ")") + ": " + x.error()));
        }
        return out.toString();
    }

    private void change(Change c) {
        String amount = ImpactTally.sameAmount(c.amountBefore(), c.amountAfter()) ? ""
                : "  " + plain(c.amountBefore()) + " -> " + plain(c.amountAfter());
        row("  %-24s %-30s %s -> %s%s", c.id(), c.measureId(), c.before(), c.after(), amount);
    }

    static String counts(Map<Status, Long> counts) {
        return counts.get(Status.ELIGIBLE) + "/" + counts.get(Status.NEEDS_INFO) + "/" + counts.get(Status.NOT_ELIGIBLE) + "/"
                + counts.get(Status.ABSENT);
    }

    static String amounts(Amounts a) {
        return plain(a.total()) + " (" + plain(a.confirmed()) + " + " + plain(a.unconfirmed())
                + (a.ceilings().signum() != 0 ? ", up to " + plain(a.ceilings()) : "") + (a.withoutAmount() > 0 ? ", n=" + a.withoutAmount() : "") + ")";
    }

    static String plain(BigDecimal amount) {
        return amount == null ? "-" : amount.stripTrailingZeros().toPlainString();
    }

    private void row(String format, Object... args) {
        line(String.format(format, args));
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
