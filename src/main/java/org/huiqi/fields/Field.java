package org.huiqi.fields;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.huiqi.evaluation.Text;

/**
 * One input of the profile, described once: the form, the API reference, the labels in results
 * and the staff guide's field table all come from this.
 *
 * @param path   JSON path under {@code profile}; {@code {year}} stands for a four-digit year and
 *               {@code []} for a list position, e.g. {@code financials.{year}.rdExpense}, {@code projects[].kind}
 * @param readBy the fact readers (Enterprise, Project, FiscalYear, IpCounts methods) that rules call to read it
 * @param basic  asked first in the guided self-check, before the questions the results raise
 * @param expert only an assessment panel, a catalogue or an authority can tell: asked last, its help says who
 */
@Schema(description = "One profile input: its path, labels, help, unit, type and allowed values.")
public record Field(
        @Schema(description = "JSON path under profile; {year} is a four-digit year, [] a list position",
                example = "financials.{year}.rdExpense") String path,
        @Schema(description = "Id of the form section it belongs to", example = "finance") String section,
        @Schema(description = "text, code, date, bool, int, dec, enum, region, industry, parks or list "
                + "(a list's item fields have paths that start with its path and [])", example = "dec") String type,
        Text label,
        @Schema(description = "What to enter, where to find it") Text help,
        @Schema(description = "Unit of a number, e.g. 万元") Text unit,
        @Schema(description = "Allowed values of an enum (or a coded number), with labels") List<Choice> values,
        @Schema(description = "Fact readers rules use to read this field", example = "[\"FiscalYear.rdExpense\"]") List<String> readBy,
        @Schema(description = "Asked first in the guided self-check") boolean basic,
        @Schema(description = "Only an assessment panel, a catalogue or an authority can tell: asked after every other "
                + "question, and its help says who can") boolean expert) {

    @Schema(description = "An allowed value with its labels.")
    public record Choice(@Schema(example = "PROVINCIAL") String value, @Schema(example = "省级") String zh,
                         @Schema(example = "Provincial") String en) {
    }

    /** A field of a list item ({@code projects[].kind}) or of a yearly map ({@code financials.{year}.rdExpense}). */
    public boolean repeated() {
        return path.contains("[]") || path.contains("{year}");
    }
}
