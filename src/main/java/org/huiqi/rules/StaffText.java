package org.huiqi.rules;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the rule compiler's messages in words a policy staff member can act on, Chinese first:
 * no Java type or exception names, and the nearest known name for a misspelt one.
 */
final class StaffText {
    private static final Pattern UNDEFINED_METHOD = Pattern.compile("The method (\\w+)\\(([^)]*)\\) is undefined for the type (\\w+)");
    private static final Pattern UNRESOLVED = Pattern.compile("(\\w+) cannot be resolved(?: to a (?:variable|type))?",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern NOT_APPLICABLE = Pattern.compile(
            "The method (\\w+)\\(([^)]*)\\) in the type (\\w+) is not applicable for the arguments \\(([^)]*)\\)");
    private static final Pattern MISMATCH = Pattern.compile("Type mismatch: cannot convert from ([\\w.\\[\\]]+) to ([\\w.\\[\\]]+)");
    private static final Pattern JAVA_SYNTAX = Pattern.compile("\\bSyntax error\\b");
    private static final Pattern PARSER = Pattern.compile("^\\[ERR \\d+\\] Line (\\d+):(\\d+) (.*)$");
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z_][\\w]*\\.)+([A-Z]\\w*)");
    private static final Map<String, String[]> TYPES = Map.of(
            "Num", new String[] {"数值", "a number"}, "Number", new String[] {"数字", "a number"},
            "int", new String[] {"整数", "a whole number"}, "Integer", new String[] {"整数", "a whole number"},
            "String", new String[] {"文字（加英文引号 \"…\"）", "text in \"quotes\""},
            "Flag", new String[] {"是否类数据", "a yes/no answer"}, "Check", new String[] {"条件", "a condition"},
            "boolean", new String[] {"是/否", "true/false"}, "BigDecimal", new String[] {"数字", "a number"});

    private StaffText() {
    }

    /** {@code message} from the compiler about {@code rule} (may be null), in staff words. */
    static String translate(String message, String rule) {
        String where = rule == null ? "" : "规则 \"" + rule + "\"：";
        String whereEn = rule == null ? "" : " (rule \"" + rule + "\")";
        Matcher m = UNDEFINED_METHOD.matcher(message);
        if (m.find()) {
            Class<?> type = Readers.fact(m.group(3));
            String[] words = type == null ? new String[] {"这里", "here"} : Readers.FACTS.get(type);
            String suggestion = Readers.nearest(m.group(1), type == null ? Readers.all() : Readers.methods(type));
            if (type == Readers.fact("Enterprise") && suggestion == null && Readers.methods(Readers.fact("FiscalYear")).contains(m.group(1))) {
                suggestion = "lastYear()." + m.group(1);
            }
            return where + "“" + m.group(1) + "”不是" + words[0] + "中已有的写法" + (suggestion == null ? "，请查阅指南中的企业数据表"
                    : "，是不是“" + suggestion + "”？") + " / '" + m.group(1) + "' is not known for " + words[1]
                    + (suggestion == null ? "; see the reader table in rules/README.md" : "; did you mean '" + suggestion + "'?") + whereEn;
        }
        m = NOT_APPLICABLE.matcher(message);
        if (m.find()) {
            return where + "“" + m.group(1) + "”的参数不对：应为（" + types(m.group(2), 0) + "），实际写的是（" + types(m.group(4), 0) + "）"
                    + " / wrong arguments for '" + m.group(1) + "': it takes (" + types(m.group(2), 1) + "), not ("
                    + types(m.group(4), 1) + ")" + whereEn;
        }
        m = MISMATCH.matcher(message);
        if (m.find()) {
            return where + "这里需要" + types(m.group(2), 0) + "，写的却是" + types(m.group(1), 0) + " / " + types(m.group(2), 1)
                    + " is needed here, not " + types(m.group(1), 1) + whereEn;
        }
        m = UNRESOLVED.matcher(message);
        if (m.find() && !Set.of("drools").contains(m.group(1))) {
            String suggestion = Readers.nearest(m.group(1), Readers.functions());
            return where + "无法识别“" + m.group(1) + "”" + (suggestion == null
                    ? "：检查拼写，或是否缺少 $e : Enterprise() 这一行、import 行" : "，是不是“" + suggestion + "”？")
                    + " / unknown name '" + m.group(1) + "'" + (suggestion == null
                    ? ": check its spelling, the '$e : Enterprise()' line and the imports" : "; did you mean '" + suggestion + "'?") + whereEn;
        }
        m = JAVA_SYNTAX.matcher(message);
        if (m.find()) {
            return where + "语法错误：检查这里的括号、引号、逗号、分号是否配对、是否漏写 / syntax error: check the brackets, quotes, commas"
                    + " and semicolons here" + whereEn;
        }
        m = PARSER.matcher(message);
        if (m.find()) {
            return "语法错误（检查括号、引号、逗号是否配对，规则是否以 end 结尾）/ syntax error: " + plain(m.group(3));
        }
        return plain(message);
    }

    /** Without package-qualified names, exception class names or compiler prefixes. */
    static String plain(String message) {
        String text = message.replaceFirst("^Rule Compilation error\\s*:?\\s*", "");
        text = QUALIFIED.matcher(text).replaceAll("$1");
        text = text.replaceAll("\\b\\w*(Exception|Error)\\b:?\\s*", "");
        return text.strip();
    }

    private static String types(String list, int language) {
        StringBuilder out = new StringBuilder();
        for (String raw : list.split(",")) {
            String name = QUALIFIED.matcher(raw.strip()).replaceAll("$1").replace("...", "").replace("[]", "");
            if (name.isEmpty()) continue;
            String[] words = TYPES.get(name);
            if (out.length() > 0) out.append(language == 0 ? "，" : ", ");
            out.append(words == null ? (Readers.fact(name) != null ? Readers.FACTS.get(Readers.fact(name))[language] : name) : words[language]);
        }
        return out.toString();
    }
}
