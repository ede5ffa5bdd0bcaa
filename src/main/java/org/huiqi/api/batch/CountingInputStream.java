package org.huiqi.api.batch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it: a gzip body's compressed size, a population's progress. */
public final class CountingInputStream extends FilterInputStream {
    // Read by other threads (an impact run's progress reports) while one thread reads the stream.
    private volatile long count;

    public CountingInputStream(InputStream in) {
        super(in);
    }

    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) count++;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) count += n;
        return n;
    }
}
