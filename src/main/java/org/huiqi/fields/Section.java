package org.huiqi.fields;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A group of fields in the form, in display order. */
@Schema(description = "A section of the form.")
public record Section(@Schema(example = "finance") String id, @Schema(example = "财务") String zh,
                      @Schema(example = "Financials") String en) {
}
