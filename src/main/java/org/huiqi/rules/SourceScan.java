package org.huiqi.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a rule file as text, the way a staff member sees it, to name mistakes the rule compiler
 * only reports as "no viable alternative": a full-width character typed on a Chinese keyboard
 * outside quotes, and a rule that lacks its {@code end}.
 */
final class SourceScan {
    private static final Pattern BLOCK_START = Pattern.compile("^\\s*(rule|query|declare)\\b\\s*(\"[^\"]*\"|\\S+)?");
    private static final Pattern BLOCK_END = Pattern.compile("^\\s*end\\s*(//.*)?$");
    /** Full-width characters with the name staff know them by and what to type instead. */
    private static final Map<Character, String[]> NAMED = Map.ofEntries(
            Map.entry('，', new String[] {"中文逗号", "英文逗号", ",", "full-width comma"}),
            Map.entry('、', new String[] {"顿号", "英文逗号", ",", "enumeration comma"}),
            Map.entry('；', new String[] {"中文分号", "英文分号", ";", "full-width semicolon"}),
            Map.entry('：', new String[] {"中文冒号", "英文冒号", ":", "full-width colon"}),
            Map.entry('（', new String[] {"中文左括号", "英文括号", "(", "full-width parenthesis"}),
            Map.entry('）', new String[] {"中文右括号", "英文括号", ")", "full-width parenthesis"}),
            Map.entry('“', new String[] {"中文引号", "英文引号", "\"", "curly quote"}),
            Map.entry('”', new String[] {"中文引号", "英文引号", "\"", "curly quote"}),
            Map.entry('‘', new String[] {"中文单引号", "英文引号", "\"", "curly quote"}),
            Map.entry('’', new String[] {"中文单引号", "英文引号", "\"", "curly quote"}),
            Map.entry('。', new String[] {"中文句号", "英文句点", ".", "full-width full stop"}),
            Map.entry('　', new String[] {"全角空格", "英文空格", " ", "full-width space"}),
            Map.entry('【', new String[] {"中文方括号", "英文方括号", "[", "full-width bracket"}),
            Map.entry('】', new String[] {"中文方括号", "英文方括号", "]", "full-width bracket"}));

    private SourceScan() {
    }

    /** Full-width punctuation outside strings and comments, and rules without {@code end}. */
    static List<RuleProblem> scan(String file, String text) {
        List<RuleProblem> problems = new ArrayList<>();
        String[] lines = code(text, true).split("\n", -1);
        String[] withStrings = code(text, false).split("\n", -1);
        String openName = null;
        int openLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            for (int c = 0; c < line.length(); c++) {
                String message = fullWidth(i + 1, c + 1, line.charAt(c));
                if (message != null) problems.add(new RuleProblem(file, i + 1, c + 1, message));
            }
            Matcher header = BLOCK_START.matcher(withStrings[i]);
            if (header.find() && !line.strip().startsWith("end")) {
                if (openName != null) problems.add(missingEnd(file, openLine, openName));
                openName = header.group(2) == null ? header.group(1) : header.group(2);
                openLine = i + 1;
            } else if (BLOCK_END.matcher(line).find()) {
                openName = null;
            }
        }
        if (openName != null) problems.add(missingEnd(file, openLine, openName));
        return problems;
    }

    private static RuleProblem missingEnd(String file, int line, String name) {
        return new RuleProblem(file, line, 1, "规则 " + name + " 缺少结尾的 end：请在它的 then 部分之后单独写一行 end"
                + " / rule " + name + " has no closing 'end': add a line 'end' after its then part");
    }

    private static String fullWidth(int line, int column, char c) {
        String[] named = NAMED.get(c);
        if (named == null && c >= '！' && c <= '～') {
            char ascii = (char) (c - 0xFEE0);
            named = new String[] {"全角字符", "半角字符", String.valueOf(ascii), "full-width character"};
        }
        if (named == null) return null;
        return "第" + line + "行第" + column + "列是" + named[0] + "“" + c + "”，请改为" + named[1] + "“" + named[2] + "”"
                + " / line " + line + " column " + column + ": " + named[3] + " '" + c + "', type '" + named[2] + "' instead";
    }

    /**
     * The text with comments (and, if asked, the insides of string literals) blanked out, same
     * lines and columns: Chinese inside quotes or comments is never a mistake.
     */
    static String code(String text, boolean blankStrings) {
        StringBuilder out = new StringBuilder(text.length());
        boolean block = false;
        boolean line = false;
        boolean string = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '\n') {
                line = false;
                string = false; // an unclosed quote ends at the line: the compiler reports that one itself
                out.append(c);
            } else if (block) {
                if (c == '*' && next == '/') {
                    block = false;
                    out.append("  ");
                    i++;
                } else {
                    out.append(' ');
                }
            } else if (line) {
                out.append(' ');
            } else if (string) {
                if (c == '\\' && next != '\n' && next != 0) {
                    out.append(blankStrings ? "  " : "" + c + next);
                    i++;
                } else if (c == '"') {
                    string = false;
                    out.append(c);
                } else {
                    out.append(blankStrings ? ' ' : c);
                }
            } else if (c == '"') {
                string = true;
                out.append(c);
            } else if (c == '/' && next == '/') {
                line = true;
                out.append(' ');
            } else if (c == '/' && next == '*') {
                block = true;
                out.append("  ");
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
