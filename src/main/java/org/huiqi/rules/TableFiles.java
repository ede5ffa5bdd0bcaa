package org.huiqi.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huiqi.evaluation.facts.Tables;

/**
 * Reads {@code *.table.csv}: UTF-8 (a BOM, as Excel writes, is fine), comma-separated, first
 * non-comment line the column names, {@code #} lines comments. A table is named by its file name
 * without {@code .table.csv}. Every malformed row is reported by file and line.
 */
final class TableFiles {
    static final String SUFFIX = ".table.csv";
    /** Columns that must hold numbers. */
    private static final Set<String> NUMERIC = Set.of("at_least", "at_most", "points", "amount", "per_item", "rate_pct");

    private TableFiles() {
    }

    static Tables read(RuleFiles files, List<RuleProblem> problems) {
        Map<String, Tables.Table> tables = new LinkedHashMap<>();
        for (String path : files.withSuffix(SUFFIX)) {
            String name = path.substring(path.lastIndexOf('/') + 1, path.length() - SUFFIX.length());
            Tables.Table earlier = tables.get(name);
            if (earlier != null) {
                problems.add(new RuleProblem(path, 1, 0, "a table named " + name + " already exists in " + earlier.file()));
                continue;
            }
            tables.put(name, table(name, path, files.text(path), problems));
        }
        return new Tables(Map.copyOf(tables));
    }

    private static Tables.Table table(String name, String path, String text, List<RuleProblem> problems) {
        String[] lines = text.replace("\uFEFF", "").split("\r?\n", -1);
        List<String> header = null;
        List<Tables.Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.strip().startsWith("#")) continue;
            List<String> cells = List.of(line.split(",", -1)).stream().map(String::strip).toList();
            if (header == null) {
                header = cells;
                continue;
            }
            if (cells.size() != header.size()) {
                problems.add(new RuleProblem(path, i + 1, 0, "row has " + cells.size() + " cells, the header has "
                        + header.size() + " " + header));
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                String column = header.get(c);
                String cell = cells.get(c);
                if (NUMERIC.contains(column) && !cell.isEmpty() && !isNumber(cell)) {
                    problems.add(new RuleProblem(path, i + 1, c + 1, "column " + column + " must be a number, not '" + cell + "'"));
                }
                row.put(column, cell);
            }
            rows.add(new Tables.Row(i + 1, row));
        }
        if (header == null) problems.add(new RuleProblem(path, 1, 0, "empty table: the first line must name the columns"));
        return new Tables.Table(name, path, List.copyOf(rows));
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
