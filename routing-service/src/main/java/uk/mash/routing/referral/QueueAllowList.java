package uk.mash.routing.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.mash.contracts.Route;
import uk.mash.contracts.Subject;
import uk.mash.contracts.SubjectRole;
import uk.mash.contracts.events.ReferralRouted;

/**
 * Data minimisation, in one place: which fields of a decision each queue receives (README,
 * "What each queue receives"). Everything a queue receives passes through {@link #referralFor};
 * a field not named here does not leave routing, even if a later version of the decision adds it.
 */
public final class QueueAllowList {

    private static final Set<String> CARE_FIELDS = Set.of("referralId", "caseId", "caseReference", "queue",
            "decisionId", "outcome", "rag", "rationale", "decidedAt", "routedAt", "concerns", "subjects");

    /** Police: who, what was decided, how urgent and why, and their own references; no categories or health identifiers. */
    private static final Set<String> POLICE_FIELDS = Set.of("referralId", "caseId", "caseReference", "queue",
            "decisionId", "outcome", "rag", "rationale", "decidedAt", "routedAt", "subjects", "policeReferences");

    /** The top-level fields of the referral each queue receives. */
    public static final Map<Route, Set<String>> FIELDS = Map.of(
            Route.CHILDREN, CARE_FIELDS,
            Route.ADULTS, CARE_FIELDS,
            Route.POLICE, POLICE_FIELDS);

    /**
     * Whose records each queue receives. A subject's role does not say whose carer or household
     * member someone is, so both social-care queues receive the people around the person at risk;
     * each receives only its own persons at risk (no adult at risk on the children's queue, no
     * child on the adults'). Police receive everyone named.
     */
    public static final Map<Route, Set<SubjectRole>> SUBJECT_ROLES = Map.of(
            Route.CHILDREN, EnumSet.complementOf(EnumSet.of(SubjectRole.ADULT_AT_RISK)),
            Route.ADULTS, EnumSet.complementOf(EnumSet.of(SubjectRole.CHILD)),
            Route.POLICE, EnumSet.allOf(SubjectRole.class));

    private static final Set<String> FULL_SUBJECT = Set.of("subjectId", "role", "givenName", "familyName",
            "dateOfBirth", "nhsNumber", "address");

    /** The fields of each subject a queue receives: police get identities (name, date of birth), not NHS numbers or addresses. */
    public static final Map<Route, Set<String>> SUBJECT_FIELDS = Map.of(
            Route.CHILDREN, FULL_SUBJECT,
            Route.ADULTS, FULL_SUBJECT,
            Route.POLICE, Set.of("subjectId", "role", "givenName", "familyName", "dateOfBirth"));

    private QueueAllowList() {
    }

    /** The referral as {@code queue} receives it: the full referral with everything outside its allow-list removed. */
    public static ObjectNode referralFor(Route queue, ReferralRouted full, ObjectMapper mapper) {
        List<Subject> subjects = full.subjects() == null ? null : full.subjects().stream()
                .filter(s -> s.role() != null && SUBJECT_ROLES.get(queue).contains(s.role())).toList();
        ReferralRouted ownSubjects = new ReferralRouted(full.referralId(), full.caseId(), full.caseReference(),
                full.queue(), full.decisionId(), full.outcome(), full.rag(), full.rationale(), full.decidedAt(),
                full.routedAt(), full.concerns(), subjects, full.policeReferences());
        ObjectNode tree = mapper.valueToTree(ownSubjects);
        tree.retain(FIELDS.get(queue));
        JsonNode subjectNodes = tree.get("subjects");
        if (subjectNodes != null && subjectNodes.isArray()) {
            subjectNodes.forEach(s -> ((ObjectNode) s).retain(SUBJECT_FIELDS.get(queue)));
        }
        return tree;
    }
}
