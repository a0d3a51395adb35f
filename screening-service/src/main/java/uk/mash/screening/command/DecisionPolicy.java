package uk.mash.screening.command;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.Subject;
import uk.mash.contracts.SubjectRole;

/**
 * The rules of a screening decision (DOMAIN.md, step 5): which queues an outcome must reach for
 * the case's subjects, and what a decision must say.
 */
public final class DecisionPolicy {

    private DecisionPolicy() {
    }

    /** The routes an outcome requires for these subjects. */
    public static Set<Route> requiredRoutes(Outcome outcome, List<Subject> subjects) {
        boolean child = subjects.stream().anyMatch(s -> s.role() == SubjectRole.CHILD);
        boolean adult = subjects.stream().anyMatch(s -> s.role() == SubjectRole.ADULT_AT_RISK);
        EnumSet<Route> routes = EnumSet.noneOf(Route.class);
        switch (outcome) {
            case NO_FURTHER_ACTION, INFORMATION_AND_ADVICE -> { }
            case EARLY_HELP -> routes.add(Route.CHILDREN);
            case CARE_AND_SUPPORT_ASSESSMENT -> bySubject(routes, child, adult);
            case CHILD_PROTECTION_STRATEGY -> routes.addAll(List.of(Route.CHILDREN, Route.POLICE));
            case ADULT_SAFEGUARDING_ENQUIRY -> routes.add(Route.ADULTS);
            case PROFESSIONAL_CONCERNS -> {
                bySubject(routes, child, adult);
                routes.add(Route.POLICE);
            }
            case POLICE_INVESTIGATION -> routes.add(Route.POLICE);
        }
        return routes;
    }

    private static void bySubject(EnumSet<Route> routes, boolean child, boolean adult) {
        if (child) {
            routes.add(Route.CHILDREN);
        }
        if (adult) {
            routes.add(Route.ADULTS);
        }
    }

    /**
     * Checks a decision and returns the routes it will take: the required ones, plus any the
     * screener added.
     *
     * @param requested        the routes the screener gave, or null to take the required ones
     * @param previousDecision whether the case already has a decision (this one supersedes it)
     */
    public static Set<Route> decide(Rag rag, Outcome outcome, List<Subject> subjects, Set<Route> requested,
                                    String rationale, boolean previousDecision, String supersedesReason) {
        if (outcome == null) {
            throw new CaseRuleBroken("outcome", "an outcome is required");
        }
        if (rationale == null || rationale.isBlank()) {
            throw new CaseRuleBroken("rationale", "every decision records its rationale");
        }
        if (rag == Rag.RED && (outcome == Outcome.NO_FURTHER_ACTION || outcome == Outcome.INFORMATION_AND_ADVICE)) {
            throw new CaseRuleBroken("outcome", "a RED case cannot be closed as " + outcome);
        }
        if (previousDecision && (supersedesReason == null || supersedesReason.isBlank())) {
            throw new CaseRuleBroken("supersedesReason",
                    "a decision is never edited: a new decision must give the reason it supersedes the last");
        }
        Set<Route> required = requiredRoutes(outcome, subjects);
        if (requested == null) {
            return required;
        }
        if (!requested.containsAll(required)) {
            EnumSet<Route> missing = EnumSet.copyOf(required);
            missing.removeAll(requested);
            throw new CaseRuleBroken("routes", outcome + " must be routed to " + missing + " as well");
        }
        return requested.isEmpty() ? EnumSet.noneOf(Route.class) : EnumSet.copyOf(requested);
    }
}
