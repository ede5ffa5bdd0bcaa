package org.huiqi.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checkout's rules reach Kubernetes through two listings that k8s/sync-rules.sh writes: the
 * ConfigMap generator {@code rules/kustomization.yaml} (one key per file) and the volume's items
 * {@code k8s/base/rules-volume.yaml} (each key back to its path). A file either one does not list
 * would silently never reach the cluster, so {@code validate} and {@code test} (and with them CI)
 * fail naming it. Where the listings are not beside the rules directory (a pod's mounted copy, a
 * draft), there is nothing to check.
 */
final class DeploymentListing {
    static final String VOLUME = "../k8s/base/rules-volume.yaml";
    private static final Pattern GENERATOR_ENTRY = Pattern.compile("^\\s*-\\s*[^=\\s]+=(\\S+)\\s*$");
    private static final Pattern VOLUME_PATH = Pattern.compile("^\\s*path:\\s*(\\S+)\\s*$");
    private static final String FIX = "请运行 k8s/sync-rules.sh 更新部署清单并一起提交 / run k8s/sync-rules.sh and commit what it changes";

    private DeploymentListing() {
    }

    static List<RuleProblem> check(Path dir, RuleFiles files) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, Integer> generator = listed(dir.resolve(RuleFiles.DEPLOYMENT_ONLY), GENERATOR_ENTRY);
        Map<String, Integer> volume = listed(dir.resolve(VOLUME), VOLUME_PATH);
        for (String path : files.paths()) {
            List<String> missing = new ArrayList<>();
            if (generator != null && !generator.containsKey(path)) missing.add(RuleFiles.DEPLOYMENT_ONLY);
            if (volume != null && !volume.containsKey(path)) missing.add("k8s/base/rules-volume.yaml");
            if (!missing.isEmpty()) {
                problems.add(new RuleProblem(path, 1, 1, "此文件没有列入部署清单（" + String.join("、", missing) + "），部署到集群时不会带上它："
                        + FIX + " / not listed in " + String.join(" and ", missing) + ", so a Kubernetes deployment would not get it"));
            }
        }
        if (generator != null) stale(generator, files, RuleFiles.DEPLOYMENT_ONLY, problems);
        return problems;
    }

    /** A listed file that no longer exists makes kustomize fail the whole deployment. */
    private static void stale(Map<String, Integer> listed, RuleFiles files, String listing, List<RuleProblem> problems) {
        listed.forEach((path, line) -> {
            if (!files.contents().containsKey(path)) {
                problems.add(new RuleProblem(listing, line, 1, "列出的文件“" + path + "”已不存在，部署会失败：" + FIX
                        + " / lists " + path + ", which no longer exists: the deployment would fail"));
            }
        });
    }

    /** Paths a listing names, with their lines; null when the listing is not there. */
    private static Map<String, Integer> listed(Path listing, Pattern entry) {
        if (!Files.isRegularFile(listing)) return null;
        try {
            Map<String, Integer> paths = new LinkedHashMap<>();
            List<String> lines = Files.readAllLines(listing, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = entry.matcher(lines.get(i));
                if (m.matches()) paths.put(m.group(1), i + 1);
            }
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
