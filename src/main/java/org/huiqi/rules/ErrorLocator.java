package org.huiqi.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the rule compiler's errors into what a staff member can act on. Drools reports an error
 * inside a rule's consequence at the rule's first line, so when the message names the unknown
 * word we find it in the rule's body; a syntax error in a file is replaced by what the text itself
 * shows (a full-width comma, a missing {@code end}) when it shows anything, since every further
 * syntax error in that file is an echo of the same cause.
 */
final class ErrorLocator {
    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern NAMED = Pattern.compile(
            "The method (\\w+)\\(|(\\w+) cannot be resolved|The constructor (\\w+)\\(|The field (\\w+) is|(\\w+) is undefined",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern PARSER = Pattern.compile("^\\[ERR \\d+\\] Line (\\d+):(\\d+)");
    /** The Java compiler's words for a parenthesis missing or too many in a consequence. */
    private static final Pattern UNBALANCED = Pattern.compile("insert \"\\)\"|token \"\\)\", delete");

    private ErrorLocator() {
    }

    /** Every compiler problem in staff words, each cause once. */
    static List<RuleProblem> explain(List<RuleProblem> raw, RuleFiles files) {
        Set<RuleProblem> out = new LinkedHashSet<>();
        Set<String> scanned = new LinkedHashSet<>();
        for (RuleProblem problem : raw) {
            boolean syntax = PARSER.matcher(problem.message()).find();
            if (syntax && files.contents().containsKey(problem.file())) {
                if (scanned.contains(problem.file())) continue;
                List<RuleProblem> seen = SourceScan.scan(problem.file(), files.text(problem.file()));
                if (!seen.isEmpty()) {
                    scanned.add(problem.file());
                    out.addAll(seen);
                    continue;
                }
            }
            out.add(locate(problem, files));
        }
        return new ArrayList<>(out);
    }

    static RuleProblem locate(RuleProblem problem, RuleFiles files) {
        Matcher parser = PARSER.matcher(problem.message());
        if (parser.find()) {
            // the parser's own position is exact; the column it counts from 0
            return new RuleProblem(problem.file(), Integer.parseInt(parser.group(1)), Integer.parseInt(parser.group(2)) + 1,
                    StaffText.translate(problem.message(), null));
        }
        if (problem.line() <= 0 || !files.contents().containsKey(problem.file())) {
            return new RuleProblem(problem.file(), problem.line(), problem.column(), StaffText.translate(problem.message(), null));
        }
        String[] lines = files.text(problem.file()).split("\n", -1);
        if (problem.line() > lines.length) return problem;
        Matcher header = RULE_HEADER.matcher(lines[problem.line() - 1]);
        String rule = header.find() ? header.group(1) : null;
        String message = StaffText.translate(problem.message(), rule);
        if (rule != null && UNBALANCED.matcher(problem.message()).find()) {
            RuleProblem paren = unbalancedParenthesis(problem.file(), lines, problem.line());
            if (paren != null) return paren;
        }
        String word = unknownWord(problem.message());
        if (rule != null && word != null) {
            Pattern usage = Pattern.compile("\\b" + Pattern.quote(word) + "\\b", Pattern.UNICODE_CHARACTER_CLASS);
            for (int i = problem.line(); i < lines.length && !lines[i].strip().equals("end"); i++) {
                Matcher found = usage.matcher(lines[i]);
                if (found.find()) return new RuleProblem(problem.file(), i + 1, found.start() + 1, message);
            }
        }
        return new RuleProblem(problem.file(), problem.line(), problem.column(), message);
    }

    /**
     * Where a rule's then part has a {@code (} that no {@code )} closes, or a {@code )} too many:
     * the compiler reports either at the rule's first line. The statement whose {@code ;} comes
     * while a parenthesis is still open is the one missing its {@code )}.
     */
    private static RuleProblem unbalancedParenthesis(String file, String[] raw, int header) {
        String[] lines = SourceScan.code(String.join("\n", raw), true).split("\n", -1);
        int depth = 0;
        int lastLine = header;
        int lastColumn = 1;
        for (int i = header; i < lines.length && !lines[i].strip().equals("end"); i++) {
            String line = lines[i];
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (ch == '(') depth++;
                if (ch == ')' && --depth < 0) {
                    return new RuleProblem(file, i + 1, c + 1, "第" + (i + 1) + "行第" + (c + 1) + "列多了一个右括号“)”，没有与它配对的左括号“(”，请删去"
                            + " / line " + (i + 1) + " has a ')' that closes nothing: remove it");
                }
                if (ch == ';' && depth > 0) {
                    return new RuleProblem(file, i + 1, c + 1, "第" + (i + 1) + "行少了" + depth + "个右括号“)”：请在第" + (c + 1)
                            + "列的分号前补上 / line " + (i + 1) + " is missing " + depth + " closing ')': add it before the ';'");
                }
                if (!Character.isWhitespace(ch)) {
                    lastLine = i + 1;
                    lastColumn = c + 2;
                }
            }
        }
        return depth > 0 ? new RuleProblem(file, lastLine, lastColumn, "第" + lastLine + "行少了" + depth + "个右括号“)” / line "
                + lastLine + " is missing " + depth + " closing ')'") : null;
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
