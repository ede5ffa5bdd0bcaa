package org.huiqi.api.batch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.huiqi.api.Problem;
import org.huiqi.api.ProblemException;

/**
 * A batch body sent with {@code Content-Encoding: gzip}, inflated as it is read. A gzip bomb — a
 * few kilobytes that inflate to gigabytes — is refused with 413 once the inflated bytes pass
 * {@code maxRatio} times the compressed ones (after the first mebibyte, so small bodies that
 * compress well pass), or pass {@code maxBytes} in all.
 */
final class GzipBody extends FilterInputStream {
    /** Inflated bytes allowed before the ratio is checked. */
    private static final long FREE_BYTES = 1 << 20;

    private final CountingInputStream compressed;
    private final long maxBytes;
    private final long maxRatio;
    private long inflated;

    private GzipBody(CountingInputStream compressed, long maxBytes, long maxRatio) throws IOException {
        super(new GZIPInputStream(compressed, 16 * 1024));
        this.compressed = compressed;
        this.maxBytes = maxBytes;
        this.maxRatio = maxRatio;
    }

    static InputStream open(InputStream body, long maxBytes, long maxRatio) {
        try {
            return new GzipBody(new CountingInputStream(body), maxBytes, maxRatio);
        } catch (IOException e) {
            throw new ProblemException(Problem.of("malformed-gzip", "Malformed gzip", 400,
                    "the body is sent with Content-Encoding: gzip but is not gzip: " + e.getMessage()));
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (java.util.zip.ZipException e) {
            throw new ProblemException(Problem.of("malformed-gzip", "Malformed gzip", 400,
                    "the gzip body is corrupt after " + inflated + " bytes: " + e.getMessage()));
        }
        if (n > 0) {
            inflated += n;
            if (inflated > maxBytes || inflated > FREE_BYTES && inflated > maxRatio * compressed.count()) {
                throw new ProblemException(Problem.of("body-too-large", "Payload too large", 413, "the gzip body inflates to more than "
                        + (inflated > maxBytes ? maxBytes + " bytes" : maxRatio + " times its compressed size (policy.http.max-gzip-ratio)")
                        + "; send it uncompressed or in smaller parts"));
            }
        }
        return n;
    }
}
