package org.huiqi.evaluation;

import java.security.SecureRandom;

/** Time-ordered unique ids (ULID): sortable by creation time, safe to quote in a support call. */
public final class Ulid {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ulid() {
    }

    public static String next() {
        char[] out = new char[26];
        long time = System.currentTimeMillis();
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 5; i++) high = (high << 8) | (random[i] & 0xff);
        for (int i = 5; i < 10; i++) low = (low << 8) | (random[i] & 0xff);
        for (int i = 0; i < 8; i++) {
            out[17 - i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
            out[25 - i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(out);
    }
}
