package org.huiqi.impact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a draft rules directory sent as a zip or a tar (optionally gzipped) into memory. Nothing
 * is written to disk, so no entry name can escape anywhere (zip-slip); names that try ("..",
 * absolute paths) are refused all the same, so the sender hears about them. The uncompressed
 * bytes and the entries are counted as they are read, so a zip bomb stops at the limit instead
 * of filling memory. A single top folder ("rules/…") is taken off.
 */
public final class DraftArchive {
    /** A draft that cannot be read, with the reason for the sender. */
    public static final class Refused extends RuntimeException {
        private final boolean tooLarge;

        Refused(String message) {
            this(message, false);
        }

        Refused(String message, boolean tooLarge) {
            super(message);
            this.tooLarge = tooLarge;
        }

        /** Over a size or entry limit, rather than malformed. */
        public boolean tooLarge() {
            return tooLarge;
        }
    }

    private final long maxBytes;
    private final int maxEntries;
    private final SortedMap<String, byte[]> files = new TreeMap<>();
    private long bytes;
    private int entries;

    public DraftArchive(long maxBytes, int maxEntries) {
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
    }

    public SortedMap<String, byte[]> readZip(InputStream in) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                count();
                if (!entry.isDirectory()) add(entry.getName(), zip);
            }
        } catch (IllegalArgumentException e) {
            throw new Refused("not a readable zip: " + e.getMessage());
        }
        return stripTopFolder();
    }

    /** A POSIX (ustar) or GNU tar, gzipped or not. */
    public SortedMap<String, byte[]> readTar(InputStream in) throws IOException {
        InputStream source = in.markSupported() ? in : new java.io.BufferedInputStream(in);
        source.mark(2);
        int b1 = source.read();
        int b2 = source.read();
        source.reset();
        if (b1 == 0x1f && b2 == 0x8b) source = new GZIPInputStream(source);
        byte[] header = new byte[512];
        String longName = null;
        while (readFully(source, header)) {
            if (allZero(header)) break;
            count();
            String name = longName != null ? longName : tarName(header);
            longName = null;
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            if (size < 0 || size > maxBytes) throw new Refused("tar entry " + name + " has an impossible size");
            byte[] content = limited(new BoundedStream(source, size));
            skip(source, (512 - size % 512) % 512);
            switch (type) {
                case '0', '\0' -> put(name, content);
                case 'L' -> longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
                default -> {
                    // directories, links and pax headers carry no rule file
                }
            }
        }
        return stripTopFolder();
    }

    private void count() {
        if (++entries > maxEntries) throw new Refused("the draft has more than " + maxEntries + " entries (policy.impact.max-draft-entries)", true);
    }

    private void add(String name, InputStream content) throws IOException {
        put(name, limited(content));
    }

    private void put(String name, byte[] content) {
        String path = name.replace('\\', '/');
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*") || List.of(path.split("/")).contains("..")) {
            throw new Refused("entry '" + name + "' points outside the rules directory");
        }
        while (path.startsWith("./")) path = path.substring(2);
        // macOS resource forks; editor and hidden files are left out by RuleFiles.of, as from a directory
        if (path.startsWith("__MACOSX/")) return;
        if (!path.isEmpty()) files.put(path, content);
    }

    private byte[] limited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            bytes += n;
            if (bytes > maxBytes) {
                throw new Refused("the draft unpacks to more than " + maxBytes + " bytes (policy.impact.max-draft-bytes)", true);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private SortedMap<String, byte[]> stripTopFolder() {
        if (files.isEmpty()) throw new Refused("the draft holds no files");
        String first = files.firstKey();
        int slash = first.indexOf('/');
        if (slash < 0) return files;
        String top = first.substring(0, slash + 1);
        if (!files.keySet().stream().allMatch(p -> p.startsWith(top))) return files;
        // "reference/" alone is a real rules folder, not a wrapper
        if (top.equals("reference/")) return files;
        SortedMap<String, byte[]> stripped = new TreeMap<>();
        files.forEach((path, content) -> stripped.put(path.substring(top.length()), content));
        return stripped;
    }

    private static String tarName(byte[] header) {
        String name = field(header, 0, 100);
        String prefix = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar") ? field(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) end++;
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
        String text = field(header, offset, length).trim();
        try {
            return text.isEmpty() ? 0 : Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new Refused("not a readable tar: bad size field");
        }
    }

    private static boolean allZero(byte[] block) {
        for (byte b : block) if (b != 0) return false;
        return true;
    }

    private static boolean readFully(InputStream in, byte[] block) throws IOException {
        int read = 0;
        while (read < block.length) {
            int n = in.read(block, read, block.length - read);
            if (n < 0) {
                if (read == 0) return false;
                throw new Refused("not a readable tar: it ends inside a header");
            }
            read += n;
        }
        return true;
    }

    private static void skip(InputStream in, long count) throws IOException {
        for (long left = count; left > 0; ) {
            long n = in.skip(left);
            if (n <= 0) {
                if (in.read() < 0) return;
                n = 1;
            }
            left -= n;
        }
    }

    /** The next {@code size} bytes of a tar entry. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long size) {
            this.in = in;
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) return -1;
            int b = in.read();
            if (b >= 0) left--;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) return -1;
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) left -= n;
            return n;
        }
    }
}
