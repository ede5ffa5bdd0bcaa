package org.huiqi.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.huiqi.scenarios.ScenarioFiles;

/**
 * A snapshot of the files of a rules directory, keyed by path relative to it ("guangdong/xsg.drl"),
 * each checked to be UTF-8 and kept without its byte-order mark ({@link Utf8Files}).
 * Reading everything up front means a build never sees a half-edited directory twice, and the
 * version is a hash of exactly what was built.
 *
 * @param origin where the files came from, for messages (a directory, or "embedded")
 */
public record RuleFiles(String origin, SortedMap<String, byte[]> contents) {

    /** kustomize's generator for the rules ConfigMap (k8s/sync-rules.sh): deployment tooling, not rules. */
    static final String DEPLOYMENT_ONLY = "kustomization.yaml";

    /**
     * The largest file a rules directory may hold, and all of its files together: every file is
     * read into memory (twice while a reload builds beside the serving rule set), so a huge file
     * dropped into the directory must be refused, not read. A 1,000-measure catalog is about 20 MB.
     */
    static final long MAX_FILE_BYTES = 4L << 20;
    static final long MAX_TOTAL_BYTES = 64L << 20;

    /** Classpath folder holding the copy of rules/ packaged in the jar. */
    static final String EMBEDDED = "embedded-rules";

    /**
     * Reads {@code dir}, following symlinks (a Kubernetes ConfigMap volume is made of them) as long
     * as they stay inside it: a link to a file elsewhere would let whoever can place a link publish
     * any file the service can read (as a rule, a table, a reference list). Such a link fails the
     * read with a {@link RuleSetException} naming the file.
     */
    public static RuleFiles read(Path dir) {
        SortedMap<String, byte[]> contents = new TreeMap<>();
        List<RuleProblem> refused = new ArrayList<>();
        long total = 0;
        try (Stream<Path> paths = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            Path root = dir.toRealPath();
            for (Path path : (Iterable<Path>) paths::iterator) {
                String relative = dir.relativize(path).toString().replace('\\', '/');
                if (relative.isEmpty() || hidden(relative) || relative.equals(DEPLOYMENT_ONLY) || !Files.isRegularFile(path)) continue;
                Path real = path.toRealPath();
                if (!real.startsWith(root)) {
                    refused.add(new RuleProblem(relative, 0, 0, "是指向规则目录以外（" + real + "）的链接，未读取：规则文件只从规则目录内读取 / is a link to " + real + ", outside the rules directory "
                            + root + "; refused: rule files are read only from inside it"));
                    continue;
                }
                long size = Files.size(path);
                if (size > MAX_FILE_BYTES) {
                    refused.add(new RuleProblem(relative, 0, 0, "文件太大（" + size / (1 << 20) + " MB），规则目录里的文件最多 "
                            + (MAX_FILE_BYTES >> 20) + " MB，未读取 / the file is too large (" + size + " bytes); files in the rules directory "
                            + "may be at most " + MAX_FILE_BYTES + " bytes: not read"));
                    continue;
                }
                total += size;
                if (total > MAX_TOTAL_BYTES) {
                    refused.add(new RuleProblem(relative, 0, 0, "规则目录总共超过 " + (MAX_TOTAL_BYTES >> 20) + " MB，从这个文件起未读取"
                            + " / the rules directory holds more than " + MAX_TOTAL_BYTES + " bytes: not read from this file on"));
                    break;
                }
                byte[] content = Files.readAllBytes(path);
                RuleProblem notUtf8 = Utf8Files.problem(relative, content);
                if (notUtf8 != null) refused.add(notUtf8);
                else contents.put(relative, Utf8Files.withoutBom(content));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules directory " + dir + ": " + e.getMessage(), e);
        }
        if (!refused.isEmpty()) throw new RuleSetException(refused);
        return new RuleFiles(dir.toAbsolutePath().normalize().toString(), contents);
    }

    /**
     * Files that did not come from a directory (an uploaded draft), keyed by relative path, with
     * what {@link #read} would skip left out: the same files give the same version either way.
     */
    public static RuleFiles of(String origin, SortedMap<String, byte[]> files) {
        SortedMap<String, byte[]> contents = new TreeMap<>();
        List<RuleProblem> notUtf8 = new ArrayList<>();
        files.forEach((path, bytes) -> {
            if (hidden(path) || path.equals(DEPLOYMENT_ONLY)) return;
            RuleProblem problem = Utf8Files.problem(path, bytes);
            if (problem != null) notUtf8.add(problem);
            else contents.put(path, Utf8Files.withoutBom(bytes));
        });
        if (!notUtf8.isEmpty()) throw new RuleSetException(notUtf8);
        return new RuleFiles(origin, contents);
    }

    /** Reads the copy of rules/ packaged in the application jar. */
    public static RuleFiles embedded() {
        URL url = RuleFiles.class.getClassLoader().getResource(EMBEDDED);
        if (url == null) throw new IllegalStateException("no embedded rules in the application (" + EMBEDDED + ")");
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) return withOrigin(read(Path.of(uri)), "embedded");
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return withOrigin(read(jar.provider().getPath(uri)), "embedded");
            } catch (FileSystemAlreadyExistsException e) {
                // someone else has the jar open: read through theirs and leave it open
                return withOrigin(read(FileSystems.getFileSystem(uri).provider().getPath(uri)), "embedded");
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read embedded rules: " + e.getMessage(), e);
        }
    }

    private static RuleFiles withOrigin(RuleFiles files, String origin) {
        return new RuleFiles(origin, files.contents());
    }

    /** ConfigMap internals ("..data", "..2026_11_23...") and editor files (".x.swp") are not rules. */
    private static boolean hidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".") || part.endsWith("~")) return true;
        }
        return false;
    }

    public List<String> paths() {
        return List.copyOf(contents.keySet());
    }

    public List<String> withSuffix(String suffix) {
        return contents.keySet().stream().filter(p -> p.endsWith(suffix)).toList();
    }

    public String text(String path) {
        return new String(contents.get(path), StandardCharsets.UTF_8);
    }

    /** The paths added, removed or changed since {@code before}. */
    public Set<String> changedSince(RuleFiles before) {
        Set<String> paths = new TreeSet<>(before.contents.keySet());
        paths.addAll(contents.keySet());
        paths.removeIf(p -> Arrays.equals(before.contents.get(p), contents.get(p)));
        return paths;
    }

    /**
     * True when the changed {@code paths} are all rule files and scenarios: tables, reference data
     * and declared inputs, which any measure may read, are as they were.
     */
    public static boolean onlyRulesOrScenarios(Collection<String> paths) {
        return paths.stream().allMatch(p -> p.endsWith(".drl") || p.endsWith(ScenarioFiles.SUFFIX));
    }

    /** "sha256:…" over every path and content, so any edit, rename or deletion changes it. */
    public String version() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : contents.entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.getValue());
                digest.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
