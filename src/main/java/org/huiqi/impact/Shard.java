package org.huiqi.impact;

/**
 * One part of a population split across the pods of a Kubernetes Indexed Job: part {@code index}
 * of {@code count} takes lines index+1, index+1+count, … so every part gets a like mix of the file,
 * and line numbers stay those of the whole file.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(0, 1);

    /** "I/N" (for example 2/8), or null for the whole file. */
    static Shard parse(String text) {
        if (text == null) return ALL;
        String[] parts = text.split("/");
        try {
            if (parts.length == 2) {
                Shard shard = new Shard(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                if (shard.count > 0 && shard.index >= 0 && shard.index < shard.count) return shard;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ImpactCommands.UsageException("--shard must be I/N with 0 <= I < N, such as 0/4, not '" + text + "'");
    }

    boolean takes(long lineNumber) {
        return (lineNumber - 1) % count == index;
    }
}
