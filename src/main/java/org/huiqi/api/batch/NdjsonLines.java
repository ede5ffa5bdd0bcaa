package org.huiqi.api.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads newline-delimited lines from a stream with one reusable buffer of at most
 * {@code maxLineBytes}: a longer line is skipped to its end and reported as too long, so no input
 * can make a line cost more memory than that. Accepts LF and CRLF line ends.
 */
final class NdjsonLines {
    /** One input line; {@code bytes} is valid up to {@code length} until the next call to {@link #next()}. */
    static final class Line {
        long number;
        byte[] bytes;
        int length;
        boolean tooLong;

        boolean blank() {
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (b != ' ' && b != '\t' && b != '\r') return false;
            }
            return true;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[16 * 1024];
    private int pos;
    private int end;
    private boolean eof;
    private final Line line = new Line();

    /** {@code firstLine}: the number of the first line (1 unless the body resumes an earlier one). */
    NdjsonLines(InputStream in, int maxLineBytes, long firstLine) {
        this.in = in;
        this.line.number = firstLine - 1;
        this.maxLineBytes = maxLineBytes;
        this.line.bytes = new byte[Math.min(maxLineBytes, 8 * 1024)];
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        line.length = 0;
        line.tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                if (eof || !fill()) {
                    if (!any) return null;
                    break;
                }
            }
            any = true;
            int newline = -1;
            for (int i = pos; i < end; i++) {
                if (chunk[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int stop = newline < 0 ? end : newline;
            append(pos, stop - pos);
            pos = newline < 0 ? end : newline + 1;
            if (newline >= 0) break;
        }
        if (!line.tooLong && line.length > 0 && line.bytes[line.length - 1] == '\r') line.length--;
        line.number++;
        return line;
    }

    /** The number of the last line returned (the first line's number - 1 before any). */
    long lastNumber() {
        return line.number;
    }

    /** Bytes waiting in this reader or in the stream: whether the next line can probably be read without blocking. */
    boolean ready() throws IOException {
        return pos < end || (!eof && in.available() > 0);
    }

    private void append(int from, int count) {
        if (line.tooLong) return;
        if (line.length + count > maxLineBytes) {
            line.tooLong = true;
            return;
        }
        if (line.length + count > line.bytes.length) {
            line.bytes = Arrays.copyOf(line.bytes, Math.min(maxLineBytes, Math.max(line.bytes.length * 2, line.length + count)));
        }
        System.arraycopy(chunk, from, line.bytes, line.length, count);
        line.length += count;
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk, 0, chunk.length);
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }
}
