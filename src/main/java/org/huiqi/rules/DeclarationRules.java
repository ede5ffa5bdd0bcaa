package org.huiqi.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.huiqi.evaluation.RuleName;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Keeps a measure's declaration out of the work of every evaluation. The rule named "ID" only
 * carries the measure's annotations: nothing in its {@code when}, nothing in its {@code then}.
 * Drools matches a rule with no condition against the fact every session starts with, so each
 * new session linked and queued one such rule per measure of the catalog (about a fifth of the
 * scenario gate at 1,040 measures), and each evaluation fired those that were in focus, to do
 * nothing. Such a rule is given a condition no fact meets: it stays in the KieBase, where the
 * catalog reads it and incremental builds copy it, and never activates. A declaration with a
 * condition or an action of its own is left as written.
 */
final class DeclarationRules {
    /** Never inserted into a session: the condition of a declaration-only rule. */
    static final class NoFact {
        private NoFact() {
        }
    }

    private static final Pattern WORD = Pattern.compile("\\b(when|then|end)\\b");

    private DeclarationRules() {
    }

    /** Called on a compiled package before a KieBase takes it in, like {@link PackageAgendaGroups}. */
    static void keepFromFiring(KiePackage pkg, RuleFiles files) {
        for (Rule rule : pkg.getRules()) {
            RuleImpl impl = (RuleImpl) rule;
            if (!RuleName.of(impl.getName()).declaresMeasure() || impl.getLhs().getChildren().size() > 0) continue;
            String file = CatalogReader.file(impl);
            if (files.contents().containsKey(file) && emptyThen(files.text(file), impl.getName())) {
                impl.getLhs().addChild(0, new org.drools.base.rule.Pattern(0, new ClassObjectType(NoFact.class)));
            }
        }
    }

    /**
     * Whether the rule's {@code then} part holds nothing but comments, read from the text a staff
     * member wrote (the compiled rule keeps no trace of it).
     */
    static boolean emptyThen(String text, String ruleName) {
        String withStrings = SourceScan.code(text, false);
        Matcher header = Pattern.compile("\\brule\\s+\"" + Pattern.quote(ruleName) + "\"").matcher(withStrings);
        if (!header.find()) return false;
        // Blanked strings keep every position, so annotation texts cannot pass for keywords.
        Matcher words = WORD.matcher(SourceScan.code(text, true));
        if (!words.find(header.end()) || !words.group(1).equals("when")) return false;
        if (!words.find() || !words.group(1).equals("then")) return false;
        int then = words.end();
        return words.find() && words.group(1).equals("end") && withStrings.substring(then, words.start()).isBlank();
    }
}
