package org.huiqi.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.huiqi.evaluation.facts.Enterprise;
import org.huiqi.profile.Profile;
import org.huiqi.profile.ProfileJson;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.MatchCreatedEvent;
import org.kie.api.runtime.KieSession;

/** One session of a rule set's KieBase, as a test looks into it: which rules matched, which fired. */
record WatchedSession(List<Rule> matched, List<Rule> fired) {

    /** Opens a session, lets {@code setup} insert facts and set the focus, fires the rules, disposes of it. */
    static WatchedSession run(RuleSet ruleSet, Consumer<KieSession> setup) {
        WatchedSession seen = new WatchedSession(new ArrayList<>(), new ArrayList<>());
        KieSession session = ruleSet.kieBase().newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void matchCreated(MatchCreatedEvent event) {
                    seen.matched().add(event.getMatch().getRule());
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    seen.fired().add(event.getMatch().getRule());
                }
            });
            setup.accept(session);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return seen;
    }

    /** Gives the focus to every package's agenda group. */
    static void focusEveryPackage(RuleSet ruleSet, KieSession session) {
        ruleSet.kieBase().getKiePackages().forEach(pkg -> session.getAgenda().getAgendaGroup(pkg.getName()).setFocus());
    }

    /** An enterprise in Wuzhou that says nothing else. */
    static Enterprise wuzhouEnterprise(RuleSet ruleSet) {
        Profile profile = ProfileJson.configure(new ObjectMapper()).convertValue(Map.of("regionCode", "450403"), Profile.class);
        return new Enterprise(profile, LocalDate.of(2025, 6, 1), ruleSet.places());
    }
}
