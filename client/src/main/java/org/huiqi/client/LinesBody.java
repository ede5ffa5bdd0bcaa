package org.huiqi.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.zip.GZIPOutputStream;

/**
 * A request body made from lines as the HTTP client asks for bytes — so the lines are pulled only
 * as fast as the service takes them (HTTP/2 flow control is the back-pressure) — gzip-compressed
 * when asked.
 */
final class LinesBody extends InputStream {
    private static final int CHUNK = 16 * 1024;
    private final Iterator<String> lines;
    private final Buffer buffer = new Buffer();
    private final OutputStream sink;
    private boolean finished;

    LinesBody(Iterator<String> lines, boolean gzip) {
        this.lines = lines;
        try {
            this.sink = gzip ? new GZIPOutputStream(buffer, CHUNK, true) : buffer;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        while (buffer.available() == 0 && !finished) fill();
        if (buffer.available() == 0) return -1;
        return buffer.take(target, offset, length);
    }

    /** Writes lines until a chunk's worth of bytes is ready or the lines end. */
    private void fill() throws IOException {
        buffer.compact();
        while (buffer.size() < CHUNK && lines.hasNext()) {
            sink.write(lines.next().getBytes(StandardCharsets.UTF_8));
            sink.write('\n');
        }
        if (!lines.hasNext()) {
            sink.close();
            finished = true;
        } else {
            sink.flush();
        }
    }

    /** The bytes written and not yet read. */
    private static final class Buffer extends ByteArrayOutputStream {
        private int read;

        int available() {
            return count - read;
        }

        int take(byte[] target, int offset, int length) {
            int n = Math.min(length, available());
            System.arraycopy(buf, read, target, offset, n);
            read += n;
            return n;
        }

        void compact() {
            if (read == 0) return;
            System.arraycopy(buf, read, buf, 0, count - read);
            count -= read;
            read = 0;
        }
    }
}
