package org.huiqi.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.huiqi.evaluation.facts.Places;
import org.huiqi.evaluation.facts.Tables;
import org.huiqi.evaluation.RuleFaults;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;

/**
 * Compiles a snapshot of rule files into a {@link RuleSet}. Each build uses a fresh
 * KieFileSystem and its own ReleaseId, and takes its module out of the KieRepository as soon as
 * the KieBase exists: nothing accumulates across reloads.
 */
public final class RuleSetCompiler {
    static final String RESOURCES = "src/main/resources/";
    private static final String KIE_BASE = "policy";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final ClassLoader APPLICATION = new RememberedMisses(RuleSetCompiler.class.getClassLoader());

    private final KieServices kie = KieServices.Factory.get();

    /** How many builds this process has started: evaluation must never add to it. */
    public static long builds() {
        return BUILDS.get();
    }

    /** Builds {@code files}, or throws {@link RuleSetException} naming every problem by file and line. */
    public RuleSet compile(RuleFiles files) {
        return compile(files, null);
    }

    /**
     * Builds {@code files} after an edit of {@code serving}: only the DRL packages with a changed,
     * added or removed file are compiled again, and the other packages are copied from the serving
     * rule set, which stays untouched. A change to tables or reference data compiles nothing. With
     * no serving rule set, or when the changed packages do not build on their own, this is a full
     * build, the reference: its problems are what a staff member sees.
     */
    public RuleSet compile(RuleFiles files, RuleSet serving) {
        String version = files.version();
        List<String> drl = files.withSuffix(".drl");
        List<RuleProblem> problems = new ArrayList<>();
        if (drl.isEmpty()) problems.add(new RuleProblem(".", 0, 0, "no .drl rule files in " + files.origin()));
        Places places = ReferenceData.places(files, problems);
        Tables tables = TableFiles.read(files, places, problems);
        PickLists pickLists = ReferenceData.pickLists(files, places, problems);
        Map<String, InputDeclaration> inputs = DeclaredInputs.read(files, problems);
        problems.addAll(RuleNamesUsedTwice.find(files));
        if (!problems.isEmpty()) throw new RuleSetException(problems);

        DrlPackages packages = DrlPackages.of(files);
        DrlPackages servingPackages = serving == null ? null : DrlPackages.of(serving.files());
        Set<String> changedPackages = serving == null ? Set.of() : packages.changedSince(servingPackages);
        KieBase kieBase = serving == null ? build(files, drl, packages.readingConclusions())
                : rebuild(files, packages, changedPackages, serving);
        CatalogReader reader = new CatalogReader(files);
        Map<String, Measure> measures = reader.read(kieBase);
        if (!reader.problems().isEmpty()) throw new RuleSetException(reader.problems());
        boolean onlyRulesChanged = serving != null && RuleFiles.onlyRulesOrScenarios(files.changedSince(serving.files()));
        Set<String> rebuilt = onlyRulesChanged
                ? packages.measuresIn(changedPackages, servingPackages, List.of(serving.measures(), measures)) : Set.of();
        return new RuleSet(version, Instant.now(), files.origin(), kieBase, measures, places, tables, pickLists, files,
                MeasureRules.of(kieBase, measures, files, onlyRulesChanged ? serving.rules() : null, rebuilt), inputs);
    }

    private KieBase rebuild(RuleFiles files, DrlPackages now, Set<String> changed, RuleSet serving) {
        if (changed.isEmpty()) return serving.kieBase();
        List<String> paths = now.paths(changed);
        KieBase rebuilt;
        try {
            rebuilt = paths.isEmpty() ? null : build(files, paths, now.readingConclusions());
        } catch (RuleSetException e) {
            // A package may lean on another one (a function or type it imports): the full build
            // settles that, and otherwise reports the problems exactly as a full build does.
            return build(files, files.withSuffix(".drl"), now.readingConclusions());
        }
        return KieBaseAssembly.assemble(serving.kieBase(), rebuilt, changed);
    }

    /**
     * Compiles the given rule files into a KieBase of their own, through a module used once and
     * removed; each package's rules get their agenda group, and declaration-only rules a condition
     * no fact meets, before the KieBase takes them in.
     */
    private KieBase build(RuleFiles files, List<String> drl, Set<String> readingConclusions) {
        StaffCode.beforeCompile(files, drl);
        ReleaseId releaseId = kie.newReleaseId("org.huiqi.rules", "ruleset",
                BUILDS.incrementAndGet() + "-" + files.version().substring("sha256:".length(), "sha256:".length() + 12));
        KieFileSystem kfs = kie.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        KieModuleModel module = kie.newKieModuleModel();
        // Two rules with one name would silently replace each other: make it an error instead.
        module.setConfigurationProperty("drools.kbuilder.severity.duplicateRule", "ERROR");
        module.newKieBaseModel(KIE_BASE).setDefault(true).addPackage("*").newKieSessionModel("evaluation")
                .setType(org.kie.api.builder.model.KieSessionModel.KieSessionType.STATELESS).setDefault(true);
        kfs.writeKModuleXML(module.toXML());
        for (String path : drl) kfs.write(RESOURCES + path, files.contents().get(path));

        KieBuilder builder = kie.newKieBuilder(kfs, APPLICATION).buildAll(DrlProject.class);
        try {
            List<RuleProblem> raw = new ArrayList<>();
            for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
                // Drools follows every syntax error with this line-less echo; the real error says more.
                if (!"Parser returned a null Package".equals(message.getText())) raw.add(problem(message));
            }
            List<RuleProblem> problems = ErrorLocator.explain(raw, files);
            if (!problems.isEmpty()) throw new RuleSetException(problems);
            var packages = ((InternalKieModule) builder.getKieModule()).getKnowledgePackagesForKieBase(KIE_BASE);
            StaffCode.afterCompile(packages, files);
            packages.forEach(pkg -> {
                PackageAgendaGroups.assign(pkg, readingConclusions);
                PackageEntryPoints.assign(pkg);
                DeclarationRules.keepFromFiring(pkg, files);
            });
            return kie.newKieContainer(releaseId).newKieBase(RuleFaults.install(kie.newKieBaseConfiguration()));
        } finally {
            kie.getRepository().removeKieModule(releaseId);
        }
    }

    private static RuleProblem problem(Message message) {
        String path = message.getPath() == null ? "" : message.getPath();
        if (path.startsWith(RESOURCES)) path = path.substring(RESOURCES.length());
        String text = message.getText() == null ? "" : message.getText().strip().replaceAll("\\s*\\n\\s*", " ");
        return new RuleProblem(path, Math.max(message.getLine(), 0), Math.max(message.getColumn(), 0), text);
    }
}
