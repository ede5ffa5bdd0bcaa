package org.huiqi.rules;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.huiqi.evaluation.Check;
import org.huiqi.evaluation.Criteria;
import org.huiqi.evaluation.Decisions;
import org.huiqi.evaluation.Flag;
import org.huiqi.evaluation.Num;
import org.huiqi.evaluation.facts.Enterprise;
import org.huiqi.evaluation.facts.FiscalYear;
import org.huiqi.evaluation.facts.IpCounts;
import org.huiqi.evaluation.facts.Project;
import org.huiqi.evaluation.facts.Tables;

/**
 * What a rule can call, read from the classes themselves so a new reader needs no list updated:
 * the facts' public methods ({@code $e.…}, {@code $p.…}) and the condition functions. Used to
 * suggest the nearest name for a misspelt one and to check the staff guide is complete.
 */
public final class Readers {
    /** The types a rule reads, with the words staff know them by (Chinese / English). */
    public static final Map<Class<?>, String[]> FACTS = facts();

    private Readers() {
    }

    private static Map<Class<?>, String[]> facts() {
        Map<Class<?>, String[]> facts = new LinkedHashMap<>();
        facts.put(Enterprise.class, new String[] {"企业数据（$e.）", "the enterprise ($e.)"});
        facts.put(FiscalYear.class, new String[] {"年度数据（$e.lastYear().）", "a year's figures ($e.lastYear().)"});
        facts.put(Project.class, new String[] {"项目数据（$p.）", "a project ($p.)"});
        facts.put(IpCounts.class, new String[] {"知识产权（$e.ip().）", "intellectual property ($e.ip().)"});
        facts.put(Tables.class, new String[] {"表格（$tables.）", "tables ($tables.)"});
        facts.put(Num.class, new String[] {"数值", "a number"});
        facts.put(Flag.class, new String[] {"是否类数据", "a yes/no answer"});
        facts.put(Check.class, new String[] {"条件", "a condition"});
        return facts;
    }

    /** Public instance methods a rule may call on {@code type}, by name. */
    public static Set<String> methods(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Method m : type.getMethods()) {
            if (m.getDeclaringClass() == Object.class || Modifier.isStatic(m.getModifiers())) continue;
            if (Set.of("toString", "hashCode", "equals").contains(m.getName())) continue;
            names.add(m.getName());
        }
        return names;
    }

    /** The functions imported by {@code import function …Criteria.*} and {@code …Decisions.*}. */
    public static Set<String> functions() {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : List.of(Criteria.class, Decisions.class)) {
            Arrays.stream(type.getMethods()).filter(m -> Modifier.isStatic(m.getModifiers()))
                    .filter(m -> m.getDeclaringClass() == type).forEach(m -> names.add(m.getName()));
        }
        return names;
    }

    /** Every name a rule may call, wherever it is defined. */
    public static Set<String> all() {
        Set<String> names = new TreeSet<>(functions());
        FACTS.keySet().forEach(type -> names.addAll(methods(type)));
        return names;
    }

    public static Class<?> fact(String simpleName) {
        return FACTS.keySet().stream().filter(c -> c.getSimpleName().equals(simpleName)).findFirst().orElse(null);
    }

    /** The known name closest to {@code word} (case-insensitive edit distance), or null if none is close. */
    public static String nearest(String word, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(word.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        // a third of the word may be wrong: "mainBusinesRevenue" yes, "xyz" → "sme" no
        return best != null && bestDistance > 0 && bestDistance <= Math.max(2, Math.max(word.length(), best.length()) / 3) ? best : null;
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
