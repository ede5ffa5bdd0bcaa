package org.huiqi.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Reads the bytecode Drools compiled from the Java in rule files — consequences, {@code eval}s and
 * functions — and lists every use of something outside {@link StaffVocabulary}: a call, a type, a
 * {@code new}, a lambda, a class literal, a loop (a jump backwards), recursion (a cycle of calls
 * between rule code), {@code try}, {@code throw} and {@code synchronized}. Checking the compiled
 * code rather than the text means no spelling — a full class name, a static import, a helper
 * function — gets around it. Code with none of these always finishes, so the evaluation deadline,
 * checked between firings, holds.
 *
 * <p>The invoker classes Drools generates to call that code implement its own interfaces; they
 * hold no staff text and are not checked.
 */
final class CompiledCodeCheck {
    /** Varargs arrays ({@code anyOf(a, b, c)}) are the only arrays rule code makes; larger ones are refused. */
    static final int MAX_ARRAY = 256;
    private static final String STRING_CONCAT = "java/lang/invoke/StringConcatFactory";

    /**
     * One use of something outside the vocabulary, in class {@code owner}'s method {@code method}:
     * {@code what} names it as written, {@code token} finds it in the source (a regular expression).
     */
    record Breach(String owner, String method, String what, String token, Kind kind) {
    }

    enum Kind { OUTSIDE, ENGINE, LOOP, RECURSION, TRY, THROW, LOCK, LAMBDA, CLASS_LITERAL, ARRAY, FIELD }

    /** What Drools' macros (insert, update, modify, delete) and the rule context turn into. */
    private static final String ENGINE_CALLS = "\\b(?:insert\\w*|update|modify|delete|retract|drools\\s*\\.)";

    private final Map<String, ClassNode> classes = new HashMap<>();
    private final Map<String, Set<String>> calls = new HashMap<>();
    private final List<Breach> breaches = new ArrayList<>();

    private CompiledCodeCheck() {
    }

    /** @param bytecode the rule code's classes, by internal name ("guangdong/Rule_X0") */
    static List<Breach> check(Map<String, byte[]> bytecode) {
        CompiledCodeCheck check = new CompiledCodeCheck();
        bytecode.forEach((name, bytes) -> {
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, ClassReader.SKIP_DEBUG);
            if (!generatedInvoker(node)) check.classes.put(node.name, node);
        });
        check.classes.values().forEach(check::check);
        check.recursion();
        return check.breaches;
    }

    private static boolean generatedInvoker(ClassNode node) {
        return node.interfaces.stream().anyMatch(i -> i.startsWith("org/drools/"));
    }

    private void check(ClassNode type) {
        for (MethodNode method : type.methods) {
            if (!method.tryCatchBlocks.isEmpty()) breach(type, method, "try", "try", Kind.TRY);
            for (AbstractInsnNode insn : method.instructions) instruction(type, method, insn);
        }
    }

    private void instruction(ClassNode type, MethodNode method, AbstractInsnNode insn) {
        int op = insn.getOpcode();
        if (insn instanceof MethodInsnNode call) {
            call(type, method, call);
        } else if (insn instanceof FieldInsnNode field) {
            field(type, method, field);
        } else if (insn instanceof TypeInsnNode typed) {
            typed(type, method, typed);
        } else if (insn instanceof InvokeDynamicInsnNode dynamic) {
            if (!STRING_CONCAT.equals(dynamic.bsm.getOwner())) breach(type, method, "->", "->", Kind.LAMBDA);
        } else if (insn instanceof LdcInsnNode constant) {
            if (constant.cst instanceof Type || constant.cst instanceof Handle || constant.cst instanceof ConstantDynamic) {
                breach(type, method, ".class", ".class", Kind.CLASS_LITERAL);
            }
        } else if (insn instanceof JumpInsnNode jump) {
            backwards(type, method, insn, List.of(jump.label));
        } else if (insn instanceof TableSwitchInsnNode table) {
            backwards(type, method, insn, table.labels);
        } else if (insn instanceof LookupSwitchInsnNode lookup) {
            backwards(type, method, insn, lookup.labels);
        } else if (op == Opcodes.NEWARRAY) {
            array(type, method, insn);
        } else if (op == Opcodes.ATHROW) {
            breach(type, method, "throw", "throw", Kind.THROW);
        } else if (op == Opcodes.MONITORENTER) {
            breach(type, method, "synchronized", "synchronized", Kind.LOCK);
        } else if (op == Opcodes.MULTIANEWARRAY) {
            breach(type, method, "[][]", "[", Kind.ARRAY);
        }
    }

    private void call(ClassNode type, MethodNode method, MethodInsnNode call) {
        if (classes.containsKey(call.owner)) {
            calls.computeIfAbsent(key(type.name, method.name), k -> new HashSet<>()).add(key(call.owner, call.name));
        } else if (call.owner.startsWith("org/drools/") || call.owner.startsWith("org/kie/")) {
            breach(type, method, call.name, ENGINE_CALLS, Kind.ENGINE);
        } else if (!StaffVocabulary.callable(call.owner, call.name)) {
            String simple = simpleName(call.owner);
            breach(type, method, simple + (call.name.equals("<init>") ? "" : "." + call.name),
                    call.name.equals("<init>") ? simple : call.name, Kind.OUTSIDE);
        }
    }

    private void field(ClassNode type, MethodNode method, FieldInsnNode field) {
        boolean own = field.owner.equals(type.name);
        boolean read = field.getOpcode() == Opcodes.GETSTATIC || field.getOpcode() == Opcodes.GETFIELD;
        if (own && (read || method.name.startsWith("<"))) return;
        if (field.getOpcode() == Opcodes.GETSTATIC && StaffVocabulary.known(field.owner)) return;
        breach(type, method, simpleName(field.owner) + "." + field.name, field.name, Kind.FIELD);
    }

    private void typed(ClassNode type, MethodNode method, TypeInsnNode typed) {
        String name = typed.desc;
        boolean allowed = typed.getOpcode() == Opcodes.NEW ? StaffVocabulary.creatable(name)
                : StaffVocabulary.known(name) || classes.containsKey(name);
        if (!allowed) breach(type, method, simpleName(name), simpleName(name), Kind.OUTSIDE);
        if (typed.getOpcode() == Opcodes.ANEWARRAY) array(type, method, typed);
    }

    /** An array's length must be a small constant pushed just before: the varargs of one call. */
    private void array(ClassNode type, MethodNode method, AbstractInsnNode insn) {
        AbstractInsnNode length = insn.getPrevious();
        while (length != null && length.getOpcode() < 0) length = length.getPrevious();
        int op = length == null ? -1 : length.getOpcode();
        boolean constant = op >= Opcodes.ICONST_0 && op <= Opcodes.ICONST_5
                || (op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) && ((IntInsnNode) length).operand <= MAX_ARRAY;
        if (!constant) breach(type, method, "[]", "[", Kind.ARRAY);
    }

    private void backwards(ClassNode type, MethodNode method, AbstractInsnNode insn, List<LabelNode> targets) {
        int at = method.instructions.indexOf(insn);
        for (LabelNode target : targets) {
            if (method.instructions.indexOf(target) <= at) {
                breach(type, method, "loop", "\\b(?:for|while|do)\\b", Kind.LOOP);
                return;
            }
        }
    }

    /** Any cycle of calls between rule code (a function calling itself, two calling each other). */
    private void recursion() {
        Set<String> done = new HashSet<>();
        for (String start : calls.keySet()) visit(start, new ArrayList<>(), done);
    }

    private void visit(String node, List<String> path, Set<String> done) {
        if (done.contains(node)) return;
        int seen = path.indexOf(node);
        if (seen >= 0) {
            String[] parts = node.split("#", 2);
            ClassNode type = classes.get(parts[0]);
            if (type != null) {
                MethodNode method = type.methods.stream().filter(m -> m.name.equals(parts[1])).findFirst().orElseThrow();
                breach(type, method, parts[1], parts[1], Kind.RECURSION);
            }
            return;
        }
        path.add(node);
        for (String next : calls.getOrDefault(node, Set.of())) visit(next, path, done);
        path.remove(path.size() - 1);
        done.add(node);
    }

    private static String key(String owner, String method) {
        return owner + "#" + method;
    }

    private void breach(ClassNode type, MethodNode method, String what, String token, Kind kind) {
        Breach breach = new Breach(type.name, method.name, what, word(token), kind);
        if (!breaches.contains(breach)) breaches.add(breach);
    }

    /** A plain word matches as a whole word, other text literally; "\\b(…" is a pattern already. */
    private static String word(String token) {
        if (token.startsWith("\\b(")) return token;
        return token.matches("\\w+") ? "\\b" + token + "\\b" : java.util.regex.Pattern.quote(token);
    }

    static String simpleName(String internal) {
        String element = internal.replaceFirst("^\\[+L?", "").replaceFirst(";$", "");
        return element.substring(element.lastIndexOf('/') + 1);
    }
}
