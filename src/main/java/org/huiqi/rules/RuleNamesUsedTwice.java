package org.huiqi.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huiqi.evaluation.RuleName;

/**
 * A measure id (or one of its rule names) written in two rule files. Copying last year's file is
 * how staff start next year's version, and the compiler then answers with a dozen lines about its
 * generated class names; this check runs first over every rule file, in one folder or not, and
 * names the id at its rule line in each file that uses it, with the other place. Rule headers are
 * read from the text with comments blanked, so it costs a scan, not a parse, on every reload.
 */
final class RuleNamesUsedTwice {
    private static final Pattern HEADER = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);

    private RuleNamesUsedTwice() {
    }

    private record Place(String file, int line, int column) {
    }

    static List<RuleProblem> find(RuleFiles files) {
        Map<String, List<Place>> places = new LinkedHashMap<>();
        for (String path : files.withSuffix(".drl")) {
            String code = SourceScan.code(files.text(path), false);
            Matcher m = HEADER.matcher(code);
            int line = 1;
            int counted = 0;
            while (m.find()) {
                line += newlines(code, counted, m.start(1));
                counted = m.start(1);
                int column = m.start(1) - code.lastIndexOf('\n', m.start(1));
                places.computeIfAbsent(m.group(1), name -> new ArrayList<>()).add(new Place(path, line, column));
            }
        }
        List<RuleProblem> problems = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        places.forEach((name, at) -> {
            if (at.size() < 2) return;
            String measure = RuleName.of(name).measureId();
            for (Place place : at) {
                Place other = at.get(at.get(0) == place ? 1 : 0);
                // one message per copy of a measure: its other rules are copies of the same cause
                if (reported.add(place.file() + "\n" + measure + "\n" + other.file())) {
                    problems.add(new RuleProblem(place.file(), place.line(), place.column(), message(name, measure, other)));
                }
            }
        });
        return problems;
    }

    private static String message(String name, String measure, Place earlier) {
        String where = earlier.file() + " 第" + earlier.line() + "行";
        String whereEn = earlier.file() + ":" + earlier.line();
        boolean declaration = name.equals(measure);
        String what = declaration ? "措施编号“" + measure + "”" : "规则名称“" + name + "”";
        String whatEn = declaration ? "measure id " + measure : "rule name \"" + name + "\"";
        return what + "也在 " + where + "用过，同一个编号只能用一次：复制文件开始新版本时，请给新文件里的措施改用新编号"
                + "（如 " + measure + "-2026，规则名称中的编号一起改），或删去旧文件"
                + " / " + whatEn + " is also used in " + whereEn
                + "; an id is used once: when copying a file for a new version, give the copy a new id (e.g. "
                + measure + "-2026, in every rule name), or remove the old file";
    }

    private static int newlines(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') count++;
        }
        return count;
    }
}
