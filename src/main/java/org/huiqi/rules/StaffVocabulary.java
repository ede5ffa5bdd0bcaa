package org.huiqi.rules;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.drools.core.rule.consequence.KnowledgeHelper;
import org.huiqi.evaluation.BenefitAmount;
import org.huiqi.evaluation.Criteria;
import org.huiqi.evaluation.CriterionOutcome;
import org.huiqi.evaluation.Decisions;
import org.huiqi.evaluation.Outcome;

/**
 * What code in a rule file may use: the documented staff vocabulary — deciding and awarding
 * ({@link Decisions}), the conditions ({@link Criteria}), the facts' readers and lookups
 * ({@link Readers#FACTS}), the conclusions other rules match, and plain arithmetic, text and dates
 * of the Java library (not {@code BigDecimal}: see {@link #CREATABLE}). Everything else (System,
 * threads, files, sockets, reflection, class loading) is outside it. The vocabulary classes are the engine's own: each of their methods
 * returns after bounded work, so a rule made only of them, without loops or recursion, always
 * finishes ({@link CompiledCodeCheck} refuses both).
 */
final class StaffVocabulary {
    /** Engine classes whose public methods a rule may call: internal names, as in bytecode. */
    private static final Set<String> ENGINE = engine();

    /** Library methods a rule may call, by owner; none allocates more than its arguments' size. */
    private static final Map<String, Set<String>> LIBRARY = library();

    /** Methods every class has that lead out of the vocabulary (to Class, to locks). */
    private static final Set<String> NEVER = Set.of("getClass", "wait", "notify", "notifyAll", "getDeclaringClass",
            "describeConstable", "finalize", "clone");

    /**
     * Types that may be created with {@code new}: what string concatenation needs. Not BigDecimal:
     * {@code new BigDecimal("1e999999999")} costs nothing to make, and a gigabyte of digits to add to
     * 1 or to print. Rules compute with {@code Num}, whose numbers come from doubles and longs.
     */
    private static final Set<String> CREATABLE = Set.of("java/lang/StringBuilder");

    private static final String RULE_CONTEXT = internal(KnowledgeHelper.class);

    private StaffVocabulary() {
    }

    private static Set<String> engine() {
        Set<String> classes = new LinkedHashSet<>();
        Readers.FACTS.keySet().forEach(type -> classes.add(internal(type)));
        for (Class<?> type : new Class<?>[] {Criteria.class, Decisions.class, CriterionOutcome.class, BenefitAmount.class,
                Outcome.class}) {
            classes.add(internal(type));
        }
        return Set.copyOf(classes);
    }

    private static Map<String, Set<String>> library() {
        Map<String, Set<String>> methods = new HashMap<>();
        Set<String> boxes = Set.of("valueOf", "intValue", "longValue", "doubleValue", "booleanValue", "compare", "compareTo",
                "equals", "hashCode", "toString", "parseInt", "parseLong", "parseDouble", "sum", "min", "max");
        for (String box : new String[] {"Integer", "Long", "Double", "Short", "Byte", "Float", "Boolean", "Character", "Number"}) {
            methods.put("java/lang/" + box, boxes);
        }
        methods.put("java/lang/Object", Set.of("<init>", "equals", "hashCode", "toString"));
        methods.put("java/lang/String", Set.of("valueOf", "equals", "isEmpty", "isBlank", "length", "startsWith", "endsWith",
                "contains", "concat", "substring", "strip", "trim", "toUpperCase", "toLowerCase", "compareTo", "charAt",
                "indexOf", "hashCode", "toString", "equalsIgnoreCase"));
        methods.put("java/lang/StringBuilder", Set.of("<init>", "append", "toString", "length"));
        methods.put("java/lang/Math", Set.of("min", "max", "abs", "round", "floor", "ceil", "signum"));
        methods.put("java/time/LocalDate", Set.of("of", "parse", "getYear", "getMonthValue", "getDayOfMonth", "isBefore",
                "isAfter", "isEqual", "plusYears", "minusYears", "plusMonths", "minusMonths", "plusDays", "minusDays",
                "compareTo", "equals", "hashCode", "toString"));
        Set<String> reading = Set.of("of", "contains", "size", "isEmpty", "get", "equals", "hashCode", "toString");
        methods.put("java/util/List", reading);
        methods.put("java/util/Set", reading);
        methods.put("java/util/Collection", reading);
        methods.put("java/lang/Enum", Set.of("name", "ordinal", "equals", "hashCode", "toString", "compareTo"));
        return Map.copyOf(methods);
    }

    static String internal(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    /** Whether a rule may call {@code owner.name}; {@code owner} is an internal name. */
    static boolean callable(String owner, String name) {
        if (NEVER.contains(name)) return false;
        if (ENGINE.contains(owner)) return true;
        Set<String> methods = LIBRARY.get(owner);
        return methods != null && methods.contains(name);
    }

    /**
     * Whether a rule may name {@code type} (a cast, a constant, an array of it). The rule context
     * ({@code drools}) is one: rules hand it to decide and award, and may call none of its methods.
     */
    static boolean known(String type) {
        String element = type.replaceFirst("^\\[+L?", "").replaceFirst(";$", "");
        return element.length() == 1 // a primitive: I, J, D, Z …
                || ENGINE.contains(element) || LIBRARY.containsKey(element) || element.equals(RULE_CONTEXT);
    }

    static boolean creatable(String type) {
        return CREATABLE.contains(type);
    }

    /** Whether a rule's condition may match facts of {@code type}, as written (simple or full name). */
    static boolean matchable(String type) {
        String name = type.strip();
        for (String engine : ENGINE) {
            String dotted = engine.replace('/', '.');
            if (engine.equals(internal(Outcome.class))) continue;
            if (name.equals(dotted) || name.equals(dotted.substring(dotted.lastIndexOf('.') + 1))) return true;
        }
        return false;
    }
}
