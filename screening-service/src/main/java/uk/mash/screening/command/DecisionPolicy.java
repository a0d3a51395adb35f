package uk.mash.screening.command;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.Subject;

/**
 * The rules of a screening decision (DOMAIN.md, step 5): what a decision must say, and the routes
 * it takes: those its outcome requires for the case's subjects ({@link Outcome#requiredRoutes},
 * in contracts, so that whatever else routes a decision routes it the same way), plus any the
 * screener added.
 */
public final class DecisionPolicy {

    private DecisionPolicy() {
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
        Set<Route> required = outcome.requiredRoutes(subjects);
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
