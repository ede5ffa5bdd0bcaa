package org.huiqi.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drools reports an error inside a rule's consequence at the rule's first line. Staff need the
 * line they mistyped, so when the message names the unknown word we find it in the rule's body,
 * and we always say which rule it is.
 */
final class ErrorLocator {
    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern NAMED = Pattern.compile(
            "The method (\\w+)\\(|(\\w+) cannot be resolved|The constructor (\\w+)\\(|The field (\\w+) is|(\\w+) is undefined");

    private ErrorLocator() {
    }

    static RuleProblem locate(RuleProblem problem, RuleFiles files) {
        if (problem.line() <= 0 || !files.contents().containsKey(problem.file())) return problem;
        String[] lines = files.text(problem.file()).split("\n", -1);
        if (problem.line() > lines.length) return problem;
        Matcher header = RULE_HEADER.matcher(lines[problem.line() - 1]);
        if (!header.find()) return problem;
        String message = "in rule \"" + header.group(1) + "\": " + problem.message().replaceFirst("^Rule Compilation error\\s*:?\\s*", "");
        String word = unknownWord(problem.message());
        if (word != null) {
            Pattern usage = Pattern.compile("\\b" + Pattern.quote(word) + "\\b");
            for (int i = problem.line(); i < lines.length && !lines[i].strip().equals("end"); i++) {
                Matcher found = usage.matcher(lines[i]);
                if (found.find()) return new RuleProblem(problem.file(), i + 1, found.start() + 1, message);
            }
        }
        return new RuleProblem(problem.file(), problem.line(), problem.column(), message);
    }

    private static String unknownWord(String message) {
        Matcher m = NAMED.matcher(message);
        if (!m.find()) return null;
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) return m.group(g);
        }
        return null;
    }
}
