package org.huiqi.evaluation.facts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.huiqi.evaluation.Check;
import org.huiqi.evaluation.Num;
import org.huiqi.evaluation.Outcome;
import org.huiqi.evaluation.Text;

/**
 * The rule set's tables ({@code *.table.csv} beside the rule files): scoring bands, amounts by
 * region, rates by category or by year — the parts of a policy that are a table in the text, kept
 * as a table staff can edit in Excel or WPS. Rules read them through this fact:
 * {@code $tables : Tables()}. Every column has a declared kind, so every cell was checked when the
 * rule set was built; a key no row matches gives an unknown number that says so, never nothing.
 */
public record Tables(Map<String, Table> byName) {

    /** What a column holds, as its header says: {@code rate(数值 元/千瓦时)}, {@code year(年份)}. */
    public enum Kind {
        NUMBER("数值", "number"), TEXT("文字", "text"), YEAR("年份", "year"), REGION("地区", "region"), YES_NO("是否", "yes/no");

        private final String zh;
        private final String en;

        Kind(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }

        /** The kind a header names in Chinese or English, or null. */
        public static Kind named(String word) {
            for (Kind kind : values()) {
                if (kind.zh.equals(word) || kind.en.equalsIgnoreCase(word)) return kind;
            }
            return null;
        }
    }

    /** A column: its name (what rules write), its kind and, for numbers, its unit (may be null). */
    public record Column(String name, Kind kind, String unit) {
    }

    /** One table: its columns and its rows in file order, each a map from column name to cell text. */
    public record Table(String name, String file, List<Column> columns, List<Row> rows) {
        Column column(String name) {
            for (Column column : columns) {
                if (column.name().equals(name)) return column;
            }
            throw new IllegalArgumentException("table " + this.name + " has no column " + name);
        }

        Column ofKind(Kind kind) {
            for (Column column : columns) {
                if (column.kind() == kind) return column;
            }
            throw new IllegalArgumentException("table " + name + " has no " + kind.en() + " column");
        }
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
        if (!value.known() && !value.undefined()) return value.reason() != null ? value : Num.unknown(value.missing());
        Table t = table(table);
        for (Row row : t.rows()) {
            if (!item.equals(row.get("item"))) continue;
            String atLeast = row.get("at_least");
            String atMost = row.get("at_most");
            boolean holds = value.known() && (atLeast != null ? value.value().compareTo(new BigDecimal(atLeast)) >= 0
                    : atMost == null || value.value().compareTo(new BigDecimal(atMost)) <= 0);
            if (holds || (atLeast == null && atMost == null)) {
                return Num.constant(new BigDecimal(row.get("points"))).from(value.fields());
            }
        }
        return Num.unknownBecause(noRow(t, item), value.fields());
    }

    /**
     * The {@code column} of the row whose {@code keyColumn} equals {@code key}, read from profile
     * field {@code field}: unknown while the key is; unknown with the reason when the table has no
     * row for it (the table does not say, so the rule does not guess).
     */
    public Num lookup(String table, String keyColumn, String key, String column, String field) {
        if (key == null) return Num.unknown(List.of(field));
        Table t = table(table);
        for (Row row : t.rows()) {
            if (key.equals(row.get(keyColumn))) return number(t, row, column).from(List.of(field));
        }
        return Num.unknownBecause(noRow(t, key), List.of(field));
    }

    /**
     * The {@code column} of the row for {@code year} in a table keyed by its year column (the column
     * whose header says 年份), e.g. an electricity rate per year: unknown while the year is, and
     * unknown with the reason when the table has no row for that year.
     */
    public Num byYear(String table, String column, Num year) {
        if (!year.known()) return year;
        Table t = table(table);
        Column years = t.ofKind(Kind.YEAR);
        for (Row row : t.rows()) {
            String cell = row.get(years.name());
            if (cell != null && new BigDecimal(cell).compareTo(year.value()) == 0) return number(t, row, column).from(year.fields());
        }
        return Num.unknownBecause(noRow(t, year.value().toPlainString() + " 年", year.value().toPlainString()), year.fields());
    }

    /** {@link #byYear(String, String, Num)} for a year the rule names itself. */
    public Num byYear(String table, String column, int year) {
        return byYear(table, column, Num.constant(year));
    }

    /**
     * The {@code column} of the first row whose {@code region} (a GB/T 2260 code or group id)
     * contains where the enterprise is; unknown while its region is, or while its code is too coarse
     * to tell the rows apart (only the province, where rows name cities or groups of cities).
     */
    public Num forRegion(String table, String column, Enterprise enterprise) {
        Table t = table(table);
        for (Row row : t.rows()) {
            Check in = enterprise.locatedIn(row.get("region"));
            // unknown (no code, or a province-only code where rows differ by city) is never the next row's amount
            if (in.outcome() == Outcome.UNKNOWN) return Num.unknown(in.missing());
            if (in.met()) return number(t, row, column).from(in.fields());
        }
        // No row covers the place: the table does not say, so there is no amount rather than 0.
        return Num.unknownBecause(noRow(t, "企业所在地", "the enterprise's place"), List.of("regionCode"));
    }

    /** A number cell; empty means the table does not say, which is told like a missing row. */
    private static Num number(Table table, Row row, String column) {
        table.column(column);
        String cell = row.get(column);
        if (cell == null) {
            return Num.unknownBecause(Text.of("表格“" + table.name() + "”第" + row.line() + "行的“" + column + "”是空的",
                    "table " + table.name() + " line " + row.line() + " has no " + column), List.of());
        }
        return Num.constant(new BigDecimal(cell));
    }

    private static Text noRow(Table table, String key) {
        return noRow(table, "“" + key + "”", key);
    }

    private static Text noRow(Table table, String zh, String en) {
        return Text.of("表格“" + table.name() + "”中没有" + zh + "这一行，无法计算：请向发文单位确认",
                "table " + table.name() + " has no row for " + en + ", so this cannot be computed: ask the issuing office");
    }

    private Table table(String name) {
        Table table = byName.get(name);
        if (table == null) throw new IllegalArgumentException("no table named " + name + "; tables: " + byName.keySet());
        return table;
    }
}
