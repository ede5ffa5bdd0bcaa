package org.huiqi.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The staff guide's field table (rules/README.md, between the markers) is generated from the
 * catalog, never written by hand. Regenerate: {@code ./mvnw test -Dtest=FieldTableTest -Dfields.update=true}.
 */
class FieldTableTest {
    static final String BEGIN = "<!-- BEGIN generated field table: made from the service's field catalog by FieldTableTest (docs/architecture.md §8); do not edit by hand -->";
    static final String END = "<!-- END generated field table -->";
    private static final Path GUIDE = Path.of("rules", "README.md");

    @Test
    void theStaffGuideListsTheCatalogsFields() throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        String table = BEGIN + "\n" + table(FieldCatalog.builtIn()) + END;
        int begin = guide.indexOf(BEGIN);
        int end = guide.indexOf(END);
        String current = begin < 0 || end < begin ? null : guide.substring(begin, end + END.length());
        if (Boolean.getBoolean("fields.update")) {
            String updated = current == null ? guide.stripTrailing() + "\n\n" + table + "\n" : guide.replace(current, table);
            Files.writeString(GUIDE, updated, StandardCharsets.UTF_8);
            current = table;
        }
        assertThat(current).as("the generated field table in " + GUIDE + " (regenerate with -Dfields.update=true)").isEqualTo(table);
    }

    static String table(FieldCatalog catalog) {
        StringBuilder out = new StringBuilder();
        out.append("## 企业数据字段 / Profile fields\n\n")
                .append("规则通过 `$e.` / `$p.` 的读取方法（“规则读取”一列）使用这些字段；网页表单和 `GET /api/v1/reference/fields` 来自同一份目录。\n")
                .append("Rules read these fields through the readers in the last column; the web form and `GET /api/v1/reference/fields` "
                        + "come from the same catalog. `{year}` is a four-digit year, `[]` a list position.\n\n")
                .append("| 路径 Path | 名称 | Label | 类型 Type | 单位 Unit | 取值 Values | 规则读取 Read by |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Field f : catalog.fields()) {
            out.append("| `").append(f.path()).append("` | ").append(cell(f.label().zh())).append(" | ").append(cell(f.label().en()))
                    .append(" | ").append(f.type()).append(" | ").append(f.unit() == null ? "" : f.unit().zh())
                    .append(" | ").append(f.values().stream().map(c -> "`" + c.value() + "` " + cell(c.zh())).collect(Collectors.joining(", ")))
                    .append(" | ").append(f.readBy().stream().map(r -> "`" + r + "`").collect(Collectors.joining(", "))).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
