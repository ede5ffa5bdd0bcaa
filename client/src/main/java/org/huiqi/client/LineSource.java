package org.huiqi.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * The NDJSON lines of a batch, readable again from any line: after a cut the client resends from
 * the first line without a result, and the service numbers them as they were numbered at first.
 */
public interface LineSource {
    /** The lines from the 1-based {@code firstLine} on, one batch item (a JSON object) per line; blank lines count. */
    Iterator<String> from(long firstLine);

    static LineSource of(List<String> lines) {
        return firstLine -> lines.subList((int) Math.min(lines.size(), firstLine - 1), lines.size()).iterator();
    }

    /** Lines of a UTF-8 file, streamed: never held in memory as a whole. */
    static LineSource of(Path file) {
        return firstLine -> {
            try {
                BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                Iterator<String> lines = reader.lines().skip(firstLine - 1).iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        boolean more = lines.hasNext();
                        if (!more) {
                            try {
                                reader.close();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                        return more;
                    }

                    @Override
                    public String next() {
                        return lines.next();
                    }
                };
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
