package org.huiqi.impact;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** How a report is written: a readable table, the full JSON, or one self-contained HTML page. */
public enum ReportFormat {
    TEXT, JSON, HTML;

    /** Text and HTML list this many changes; JSON lists them all. */
    public static final int CHANGES_LISTED = 1_000;

    static ReportFormat of(String name) {
        for (ReportFormat format : values()) {
            if (format.name().equalsIgnoreCase(name)) return format;
        }
        throw new ImpactCommands.UsageException("--format must be text, json or html, not '" + name + "'");
    }

    public void write(ImpactReport report, ObjectMapper json, OutputStream out) throws IOException {
        if (this == JSON) {
            json.writerWithDefaultPrettyPrinter().writeValue(out, report);
            return;
        }
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(this == TEXT ? TextReport.of(report) : HtmlReport.of(report));
        writer.flush();
    }
}
