package org.huiqi.impact;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.huiqi.impact.ImpactReport.MeasureImpact;
import org.huiqi.impact.ImpactReport.RegionImpact;
import org.huiqi.impact.ImpactReport.Status;

/**
 * The report as one HTML page that needs nothing else: styles inline, charts as inline SVG, no
 * script, no font, no image, no link to anywhere. It can be mailed, archived or opened offline.
 */
final class HtmlReport {
    private static final int BAR_WIDTH = 420;
    private static final int ROW = 34;
    private static final int LABEL = 260;

    private final StringBuilder out = new StringBuilder();

    private HtmlReport() {
    }

    static String of(ImpactReport report) {
        return new HtmlReport().render(report);
    }

    private String render(ImpactReport r) {
        out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>政策影响测算 Policy impact</title><style>")
                .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}")
                .append(".up{color:#1a7f37}.down{color:#b42318}.legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px}")
                .append("</style></head><body>\n");
        out.append("<h1>政策影响测算 · Policy impact of a draft</h1>\n<p>")
                .append(r.population()).append(" enterprises evaluated on ").append(r.asOf())
                .append(r.rejectedCount() > 0 ? "; " + r.rejectedCount() + " lines not evaluated" : "").append("<br>baseline ")
                .append(esc(r.baseline().version())).append(" (").append(r.baseline().measureCount()).append(" measures)<br>draft ")
                .append(esc(r.draft().version())).append(" (").append(r.draft().measureCount()).append(" measures)</p>\n");
        if (!r.draft().scenarioFailures().isEmpty()) {
            out.append("<h2>The draft fails ").append(r.draft().scenarioFailures().size()).append(" scenario(s)</h2><ul>");
            r.draft().scenarioFailures().forEach(f -> out.append("<li>").append(esc(f)).append("</li>"));
            out.append("</ul>\n");
        }
        out.append("<p class=\"legend\"><span style=\"background:#9aa4b2\"></span>before 调整前<span style=\"background:#2f6fde\"></span>after 调整后</p>\n");
        out.append("<h2>Eligible enterprises per measure · 各措施符合条件企业数</h2>\n");
        chart(r.measures(), m -> BigDecimal.valueOf(m.before().get(Status.ELIGIBLE)), m -> BigDecimal.valueOf(m.after().get(Status.ELIGIBLE)));
        out.append("<h2>Budget per measure, 万元 · 各措施资金（万元）</h2>\n");
        chart(r.measures(), m -> m.amountBefore().total(), m -> m.amountAfter().total());
        measureTable(r.measures());
        regionTable(r.regions());
        out.append("<h2>Changes · 变化企业 (").append(r.changeCount()).append(")</h2>\n");
        if (r.changeCount() > ReportFormat.CHANGES_LISTED) {
            out.append("<p>The first ").append(ReportFormat.CHANGES_LISTED).append(" are listed; the JSON report lists all.</p>");
        }
        out.append("<table><tr><th>enterprise</th><th>measure</th><th>before</th><th>after</th><th>amount before</th><th>amount after</th></tr>\n");
        r.changes().stream().limit(ReportFormat.CHANGES_LISTED).forEach(c -> out.append("<tr><td>").append(esc(c.id())).append("</td><td>")
                .append(esc(c.measureId())).append("</td><td>").append(c.before()).append("</td><td>").append(c.after()).append("</td><td>")
                .append(TextReport.plain(c.amountBefore())).append("</td><td>").append(TextReport.plain(c.amountAfter())).append("</td></tr>\n"));
        out.append("</table>\n</body></html>\n");
        return out.toString();
    }

    /** Two bars per measure, before and after, on one scale. */
    private void chart(List<MeasureImpact> measures, Function<MeasureImpact, BigDecimal> before, Function<MeasureImpact, BigDecimal> after) {
        double max = 1;
        for (MeasureImpact m : measures) max = Math.max(max, Math.max(before.apply(m).doubleValue(), after.apply(m).doubleValue()));
        int height = measures.size() * ROW + 10;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(LABEL + BAR_WIDTH + 120).append("\" height=\"").append(height)
                .append("\" role=\"img\">\n");
        int y = 5;
        for (MeasureImpact m : measures) {
            BigDecimal was = before.apply(m);
            BigDecimal is = after.apply(m);
            out.append("<text x=\"0\" y=\"").append(y + 20).append("\" font-size=\"12\">").append(esc(m.measureId())).append("</text>");
            bar(y + 2, was.doubleValue() / max, "#9aa4b2", was);
            bar(y + 16, is.doubleValue() / max, "#2f6fde", is);
            out.append('\n');
            y += ROW;
        }
        out.append("</svg>\n");
    }

    private void bar(int y, double share, String colour, BigDecimal value) {
        int width = (int) Math.round(share * BAR_WIDTH);
        out.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y).append("\" width=\"").append(width)
                .append("\" height=\"13\" fill=\"").append(colour).append("\"/><text x=\"").append(LABEL + width + 4).append("\" y=\"")
                .append(y + 11).append("\" font-size=\"11\">").append(TextReport.plain(value)).append("</text>");
    }

    private void measureTable(List<MeasureImpact> measures) {
        out.append("<h2>Per measure · 各措施</h2><table><tr><th>measure</th><th>before E/N/X/A</th><th>after E/N/X/A</th>")
                .append("<th>newly eligible</th><th>no longer</th><th>NEEDS_INFO changed</th><th>amount before</th><th>amount after</th>")
                .append("<th>of which unconfirmed (after)</th><th>ceilings before</th><th>ceilings after</th></tr>\n");
        for (MeasureImpact m : measures) {
            out.append("<tr><td>").append(esc(m.measureId())).append(m.presence() == null ? "" : " <b>" + m.presence() + "</b>")
                    .append("<br><small>").append(esc(m.title())).append("</small></td><td>").append(TextReport.counts(m.before()))
                    .append("</td><td>").append(TextReport.counts(m.after())).append("</td><td class=\"up\">").append(m.newlyEligible())
                    .append("</td><td class=\"down\">").append(m.noLongerEligible()).append("</td><td>").append(m.needsInfoChanged())
                    .append("</td><td>").append(TextReport.plain(m.amountBefore().total())).append("</td><td>")
                    .append(TextReport.plain(m.amountAfter().total())).append("</td><td>").append(TextReport.plain(m.amountAfter().unconfirmed()))
                    .append("</td><td>").append(TextReport.plain(m.amountBefore().ceilings())).append("</td><td>")
                    .append(TextReport.plain(m.amountAfter().ceilings())).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private void regionTable(List<RegionImpact> regions) {
        out.append("<h2>Per city · 各地市</h2><table><tr><th>city</th><th>enterprises</th><th>eligible before</th><th>eligible after</th>")
                .append("<th>newly eligible</th><th>no longer</th><th>amount before</th><th>amount after</th></tr>\n");
        for (RegionImpact g : regions) {
            out.append("<tr><td>").append(esc(g.name())).append(" (").append(esc(g.regionCode())).append(")</td><td>").append(g.enterprises())
                    .append("</td><td>").append(g.eligibleBefore()).append("</td><td>").append(g.eligibleAfter()).append("</td><td class=\"up\">")
                    .append(g.newlyEligible()).append("</td><td class=\"down\">").append(g.noLongerEligible()).append("</td><td>")
                    .append(TextReport.plain(g.amountBefore().total())).append("</td><td>").append(TextReport.plain(g.amountAfter().total()))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static String esc(String text) {
        if (text == null) return "";
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
