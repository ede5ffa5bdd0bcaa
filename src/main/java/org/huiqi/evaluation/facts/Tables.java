package org.huiqi.evaluation.facts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.huiqi.evaluation.Check;
import org.huiqi.evaluation.Num;
import org.huiqi.evaluation.Outcome;

/**
 * The rule set's tables ({@code *.table.csv} beside the rule files): scoring bands, amounts by
 * region, rates by category — the parts of a policy that are a table in the text, kept as a table
 * staff can edit in Excel or WPS. Rules read them through this fact: {@code $tables : Tables()}.
 */
public record Tables(Map<String, Table> byName) {

    /** One table: its rows in file order, each a map from column name to cell text. */
    public record Table(String name, String file, List<Row> rows) {
    }

    public record Row(int line, Map<String, String> cells) {
        String get(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /**
     * Points for {@code value} from a bands table with columns {@code item, at_least | at_most,
     * points}: the first row of {@code item} whose bound holds gives its points; a row with neither
     * bound is the "otherwise" row. Unknown while the value is unknown.
     */
    public Num points(String table, String item, Num value) {
        if (!value.known() && !value.undefined()) return Num.unknown(value.missing());
        for (Row row : table(table).rows()) {
            if (!item.equals(row.get("item"))) continue;
            String atLeast = row.get("at_least");
            String atMost = row.get("at_most");
            boolean holds = value.known() && (atLeast != null ? value.value().compareTo(new BigDecimal(atLeast)) >= 0
                    : atMost == null || value.value().compareTo(new BigDecimal(atMost)) <= 0);
            if (holds || (atLeast == null && atMost == null)) {
                return Num.constant(new BigDecimal(row.get("points"))).from(value.fields());
            }
        }
        throw new IllegalArgumentException("table " + table + " has no row for item '" + item
                + "' that applies, and no 'otherwise' row (leave at_least and at_most empty)");
    }

    /**
     * The {@code column} of the row whose {@code keyColumn} equals {@code key}, read from profile
     * field {@code field}: unknown while the key is; null when the table has no row for it (the
     * table does not say, so the rule should not guess).
     */
    public Num lookup(String table, String keyColumn, String key, String column, String field) {
        if (key == null) return Num.unknown(List.of(field));
        for (Row row : table(table).rows()) {
            if (key.equals(row.get(keyColumn))) return Num.constant(new BigDecimal(row.get(column))).from(List.of(field));
        }
        return null;
    }

    /**
     * The {@code column} of the first row whose {@code region} (a GB/T 2260 code or group id)
     * contains where the enterprise is; unknown while its region is, or while its code is too coarse
     * to tell the rows apart (only the province, where rows name cities or groups of cities).
     */
    public Num forRegion(String table, String column, Enterprise enterprise) {
        for (Row row : table(table).rows()) {
            Check in = enterprise.locatedIn(row.get("region"));
            // unknown (no code, or a province-only code where rows differ by city) is never the next row's amount
            if (in.outcome() == Outcome.UNKNOWN) return Num.unknown(in.missing());
            if (in.met()) return Num.constant(new BigDecimal(row.get(column))).from(in.fields());
        }
        // No row covers the place: the table does not say, so there is no amount rather than 0.
        return Num.unknown(List.of("regionCode"));
    }

    private Table table(String name) {
        Table table = byName.get(name);
        if (table == null) throw new IllegalArgumentException("no table named " + name + "; tables: " + byName.keySet());
        return table;
    }
}
