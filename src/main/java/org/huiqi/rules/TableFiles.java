package org.huiqi.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huiqi.evaluation.facts.Places;
import org.huiqi.evaluation.facts.Tables;
import org.huiqi.evaluation.facts.Tables.Column;
import org.huiqi.evaluation.facts.Tables.Kind;

/**
 * Reads {@code *.table.csv}: UTF-8 (a BOM, as Excel writes, is fine), comma-separated, first
 * non-comment line the column names, {@code #} lines comments. A table is named by its file name
 * without {@code .table.csv}. Each header cell says what its column holds, in words a policy
 * officer reads in Excel: {@code rate(数值 元/千瓦时)}, {@code year(年份)}, {@code region(地区)},
 * {@code category(文字)}, {@code confirmed(是否)} (full-width brackets and English kind names are
 * fine too). Every cell is checked against its column's kind whatever the column is called, and
 * every problem is reported at {@code file:line:column}, Chinese first.
 */
final class TableFiles {
    static final String SUFFIX = ".table.csv";
    /** {@code name(kind unit)}: the unit is optional and only for numbers. */
    private static final Pattern HEADER = Pattern.compile("^([^()（）]+?)\\s*[(（]\\s*(\\S+?)(?:\\s+([^)）]+?))?\\s*[)）]$");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern YEAR = Pattern.compile("(19|20|21)\\d\\d");
    private static final Set<String> YES_NO = Set.of("是", "否", "true", "false");
    private static final String KINDS = "数值、文字、年份、地区、是否";

    private TableFiles() {
    }

    static Tables read(RuleFiles files, Places places, List<RuleProblem> problems) {
        Map<String, Tables.Table> tables = new LinkedHashMap<>();
        for (String path : files.withSuffix(SUFFIX)) {
            String name = path.substring(path.lastIndexOf('/') + 1, path.length() - SUFFIX.length());
            Tables.Table earlier = tables.get(name);
            if (earlier != null) {
                problems.add(new RuleProblem(path, 1, 0, "已有同名的表格“" + name + "”（" + earlier.file() + "）：表格按文件名引用，请改名"
                        + " / a table named " + name + " already exists in " + earlier.file()));
                continue;
            }
            tables.put(name, table(name, path, files.text(path), places, problems));
        }
        return new Tables(Map.copyOf(tables));
    }

    private static Tables.Table table(String name, String path, String text, Places places, List<RuleProblem> problems) {
        String[] lines = text.replace("\uFEFF", "").split("\r?\n", -1);
        List<Column> columns = null;
        List<Tables.Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.strip().startsWith("#")) continue;
            List<String> cells = List.of(line.split(",", -1)).stream().map(String::strip).toList();
            if (columns == null) {
                columns = header(path, i + 1, line, cells, problems);
                continue;
            }
            if (cells.size() != columns.size()) {
                problems.add(new RuleProblem(path, i + 1, 1, "第" + (i + 1) + "行有 " + cells.size() + " 格，表头有 " + columns.size()
                        + " 列（单元格内不能写逗号）/ row has " + cells.size() + " cells, the header has " + columns.size()));
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                Column column = columns.get(c);
                String cell = cells.get(c);
                String wrong = cell.isEmpty() ? null : refusal(column, cell, places);
                if (wrong != null) problems.add(new RuleProblem(path, i + 1, columnOf(line, c), wrong));
                row.put(column.name(), cell);
            }
            rows.add(new Tables.Row(i + 1, row));
        }
        if (columns == null) {
            problems.add(new RuleProblem(path, 1, 0, "表格是空的：第一行要写列名和类型，如 year(年份),rate(数值 元/千瓦时)"
                    + " / empty table: the first line must name the columns and their kinds"));
            columns = List.of();
        }
        return new Tables.Table(name, path, List.copyOf(columns), List.copyOf(rows));
    }

    private static List<Column> header(String path, int line, String text, List<String> cells, List<RuleProblem> problems) {
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            Matcher m = HEADER.matcher(cells.get(c));
            Kind kind = m.matches() ? Kind.named(m.group(2)) : null;
            if (kind == null) {
                String bare = m.matches() ? m.group(1) : cells.get(c).replaceAll("[(（].*", "").strip();
                problems.add(new RuleProblem(path, line, columnOf(text, c), "表头“" + cells.get(c) + "”没有写明这一列是什么：请写成 "
                        + bare + "(类型)，类型是" + KINDS + "之一，数值可以带单位，如 " + bare + "(数值 万元)"
                        + " / header '" + cells.get(c) + "' does not say what the column holds: write " + bare
                        + "(kind), kind one of number, text, year, region, yes/no, e.g. " + bare + "(number 万元)"));
                columns.add(new Column(bare, Kind.TEXT, null));
                continue;
            }
            if (m.group(3) != null && kind != Kind.NUMBER) {
                problems.add(new RuleProblem(path, line, columnOf(text, c), "只有数值列可以写单位：“" + cells.get(c) + "”"
                        + " / only number columns have a unit: '" + cells.get(c) + "'"));
            }
            columns.add(new Column(m.group(1), kind, m.group(3)));
        }
        return columns;
    }

    /** Why {@code cell} cannot be in {@code column}, Chinese first; null when it can. */
    private static String refusal(Column column, String cell, Places places) {
        String where = "“" + column.name() + "”列";
        return switch (column.kind()) {
            case NUMBER -> NUMBER.matcher(cell).matches() && isNumber(cell) ? null
                    : where + "是数值" + (column.unit() == null ? "" : "（单位 " + column.unit() + "，写在表头）") + "，单元格里只写数字，不能是“"
                    + cell + "”" + digits(cell) + " / column " + column.name() + " holds numbers"
                    + (column.unit() == null ? "" : " (in " + column.unit() + ", given in the header)") + ", not '" + cell + "'";
            case YEAR -> YEAR.matcher(cell).matches() ? null
                    : where + "是年份，请写四位数字，如 2025，不能是“" + cell + "” / column " + column.name() + " holds years like 2025, not '" + cell + "'";
            case YES_NO -> YES_NO.contains(cell) ? null
                    : where + "只能写“是”或“否”（或 true/false），不能是“" + cell + "” / column " + column.name() + " holds 是/否 or true/false, not '" + cell + "'";
            case REGION -> places == null || places.byCode().containsKey(cell) || places.groups().containsKey(cell) ? null
                    : where + "是地区：“" + cell + "”不在 " + ReferenceData.REGIONS + " 中（六位行政区划代码或地区分组）"
                    + " / column " + column.name() + " holds regions: '" + cell + "' is not in " + ReferenceData.REGIONS;
            case TEXT -> null;
        };
    }

    /** The number staff most likely meant, when the cell has one with a unit or separator around it. */
    private static String digits(String cell) {
        Matcher m = Pattern.compile("-?\\d+(\\.\\d+)?").matcher(cell.replace("，", "").replace(",", ""));
        return m.find() ? "，是不是“" + m.group() + "”？" : "";
    }

    /** The 1-based column of cell {@code index} in {@code line}. */
    private static int columnOf(String line, int index) {
        int at = 0;
        for (int i = 0; i < index; i++) at = line.indexOf(',', at) + 1;
        while (at < line.length() && line.charAt(at) == ' ') at++;
        return at + 1;
    }

    private static boolean isNumber(String cell) {
        try {
            new BigDecimal(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
