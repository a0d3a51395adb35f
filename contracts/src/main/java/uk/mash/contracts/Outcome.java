package uk.mash.contracts;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The outcomes of a screening decision (DOMAIN.md, step 5), and the queues each one must reach.
 * The rule lives here, beside the outcomes, so that every module that routes a decision
 * (screening when it records one, the bench when it generates a log of them) routes it the same way.
 */
public enum Outcome {
    NO_FURTHER_ACTION, INFORMATION_AND_ADVICE, EARLY_HELP, CARE_AND_SUPPORT_ASSESSMENT,
    CHILD_PROTECTION_STRATEGY, ADULT_SAFEGUARDING_ENQUIRY, PROFESSIONAL_CONCERNS, POLICE_INVESTIGATION;

    /**
     * The routes this outcome requires for a case about these subjects: DOMAIN.md's outcomes table,
     * "by subject" meaning children for a child at risk and adults for an adult at risk. A screener
     * may add routes (police for an adult enquiry where a crime is suspected), never drop these.
     */
    public Set<Route> requiredRoutes(List<Subject> subjects) {
        boolean child = subjects.stream().anyMatch(s -> s.role() == SubjectRole.CHILD);
        boolean adult = subjects.stream().anyMatch(s -> s.role() == SubjectRole.ADULT_AT_RISK);
        EnumSet<Route> routes = EnumSet.noneOf(Route.class);
        switch (this) {
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
}
