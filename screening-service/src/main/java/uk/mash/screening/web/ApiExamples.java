package uk.mash.screening.web;

/**
 * The examples screening's API description shows an integrator: one fictional case and the requests a
 * screener sends about it. ApiDescriptionIT reads every request example back through the service's own
 * JSON reader and validator.
 */
final class ApiExamples {

    static final String CASE = """
            {
              "caseId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "reference": "MASH-2026-000123",
              "status": "AWAITING_DECISION",
              "openedAt": "2026-11-21T09:14:04.100Z", "decisionDueBy": "2026-11-24T09:14:04.100Z", "overdue": false,
              "rag": "RED",
              "reReferral": true, "previousCaseIds": ["1b4e28ba-2fa1-41d2-883f-0016d3cca427"],
              "reports": [
                {"reportId": "5f0c6a7e-2b1d-4c3e-9a8f-1d2e3f4a5b6c", "reference": "MASH-2026-000123",
                 "receivedAt": "2026-11-21T09:14:03.512Z", "agency": "POLICE", "channel": "POLICE_NOTIFICATION"}
              ],
              "subjects": [
                {"subjectId": "9b2d4f4e-3c1a-4a7e-8f55-6a0d2c1b7e90", "role": "CHILD", "givenName": "Sam",
                 "familyName": "Evans", "dateOfBirth": "2016-03-01"},
                {"subjectId": "c3a1e8d2-5b7f-4e69-a0d4-8f2b6c9e1a35", "role": "ADULT_AT_RISK", "givenName": "Rhian",
                 "familyName": "Evans", "dateOfBirth": "1990-05-02"}
              ],
              "consent": "NOT_SOUGHT_RISK",
              "concerns": ["DOMESTIC_ABUSE"],
              "agencyInformation": [
                {"agency": "HEALTH", "sharedBy": "nurse.jones", "sharedAt": "2026-11-21T10:02:41.000Z",
                 "legalBasis": "SAFEGUARDING_WITHOUT_CONSENT",
                 "summary": "Health visitor saw Sam in October; missed the last two appointments.",
                 "requestId": "2d3f8a41-6b7c-4e90-a1d2-3c4b5e6f7a80"}
              ],
              "informationRequests": [
                {"requestId": "2d3f8a41-6b7c-4e90-a1d2-3c4b5e6f7a80", "agency": "HEALTH",
                 "question": "Is Sam known to health visiting? Any missed appointments?",
                 "requestedBy": "sw.owen", "requestedByAgency": "CHILDRENS_SERVICES",
                 "requestedAt": "2026-11-21T09:30:00.000Z", "dueBy": "2026-11-21T11:30:00.000Z", "rag": "RED",
                 "status": "ANSWERED", "overdue": false,
                 "consentOverride": "Asking the mother would alert the alleged perpetrator",
                 "answeredBy": "nurse.jones", "answeredAt": "2026-11-21T10:02:41.000Z",
                 "declinedBy": null, "declinedAt": null, "declineReason": null}
              ],
              "riskRatings": [
                {"rag": "RED", "rationale": "Police grade HIGH", "ratedBy": "police-system:nwp", "ratedAt": "2026-11-21T09:14:04.100Z"}
              ],
              "decision": null,
              "supersededDecisions": [],
              "version": 3
            }""";

    static final String CASE_LIST = """
            {
              "items": [
                {"caseId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "reference": "MASH-2026-000123",
                 "status": "AWAITING_DECISION", "rag": "RED", "openedAt": "2026-11-21T09:14:04.100Z",
                 "decisionDueBy": "2026-11-24T09:14:04.100Z", "overdue": false, "reReferral": true,
                 "concerns": ["DOMESTIC_ABUSE"],
                 "subjects": [{"subjectId": "9b2d4f4e-3c1a-4a7e-8f55-6a0d2c1b7e90", "role": "CHILD", "givenName": "Sam",
                               "familyName": "Evans", "dateOfBirth": "2016-03-01"}]}
              ],
              "total": 1
            }""";

    static final String AGENCY_INFORMATION = """
            {"summary": "Health visitor saw Sam in October; missed the last two appointments.",
             "legalBasis": "SAFEGUARDING_WITHOUT_CONSENT"}""";

    static final String RISK_RATING = """
            {"rag": "RED", "rationale": "Police grade HIGH; children present at a domestic incident"}""";

    static final String DECISION = """
            {"outcome": "CHILD_PROTECTION_STRATEGY", "routes": ["CHILDREN", "POLICE"],
             "rationale": "Reasonable cause to suspect Sam is at risk of significant harm; strategy discussion today."}""";

    static final String SUPERSEDING_DECISION = """
            {"outcome": "EARLY_HELP",
             "rationale": "Strategy discussion held; threshold for section 47 not met, family agree to support.",
             "supersedesReason": "New information from the strategy discussion"}""";

    static final String RED_CANNOT_CLOSE = """
            {"type": "urn:mash:problem:invalid-request", "title": "Request breaks a rule", "status": 422,
             "detail": "a RED case cannot be closed as NO_FURTHER_ACTION",
             "violations": [{"field": "outcome", "message": "a RED case cannot be closed as NO_FURTHER_ACTION"}]}""";

    static final String NOTHING_SHARED = """
            {"type": "urn:mash:problem:invalid-request", "title": "Request breaks a rule", "status": 422,
             "detail": "The request breaks 1 rule(s)",
             "violations": [{"field": "summary", "message": "must not be blank"}]}""";

    static final String NO_RATIONALE = """
            {"type": "urn:mash:problem:invalid-request", "title": "Request breaks a rule", "status": 422,
             "detail": "a rating records its rationale",
             "violations": [{"field": "rationale", "message": "a rating records its rationale"}]}""";

    static final String CONCURRENT_CHANGE = """
            {"type": "urn:mash:problem:concurrent-change", "title": "Conflict", "status": 409,
             "detail": "Someone else changed the case at the same moment; try again"}""";

    static final String REQUEST_INFORMATION = """
            {"agencies": ["HEALTH", "EDUCATION", "POLICE"],
             "question": "What do you know of Sam and Rhian Evans? Any contact in the last year?",
             "consentOverride": "Asking the mother would alert the alleged perpetrator, who lives with the family"}""";

    static final String ANSWER = """
            {"summary": "Health visitor saw Sam in October; missed the last two appointments.",
             "legalBasis": "SAFEGUARDING_WITHOUT_CONSENT"}""";

    static final String DECLINE = """
            {"reason": "The family is not a tenant of ours; we hold no records for this address."}""";

    static final String NO_CONSENT_OVERRIDE = """
            {"type": "urn:mash:problem:invalid-request", "title": "Request breaks a rule", "status": 422,
             "detail": "consent is NOT_SOUGHT: say why sharing without consent is justified",
             "violations": [{"field": "consentOverride", "message": "consent is NOT_SOUGHT: say why sharing without consent is justified"}]}""";

    static final String CONSENT_NOT_GIVEN = """
            {"type": "urn:mash:problem:invalid-request", "title": "Request breaks a rule", "status": 422,
             "detail": "consent is REFUSED on this case: CONSENT cannot be the legal basis",
             "violations": [{"field": "legalBasis", "message": "consent is REFUSED on this case: CONSENT cannot be the legal basis"}]}""";

    static final String NO_REASON = """
            {"type": "urn:mash:problem:invalid-request", "title": "Request breaks a rule", "status": 422,
             "detail": "say why your agency will not share",
             "violations": [{"field": "reason", "message": "say why your agency will not share"}]}""";

    static final String INFORMATION_REQUEST_LIST = """
            {
              "items": [
                {"requestId": "2d3f8a41-6b7c-4e90-a1d2-3c4b5e6f7a80", "caseId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                 "caseReference": "MASH-2026-000123", "rag": "RED", "agency": "HEALTH",
                 "question": "Is Sam known to health visiting? Any missed appointments?",
                 "requestedBy": "sw.owen", "requestedByAgency": "CHILDRENS_SERVICES",
                 "requestedAt": "2026-11-21T09:30:00.000Z", "dueBy": "2026-11-21T11:30:00.000Z",
                 "status": "OPEN", "overdue": false,
                 "consentOverride": "Asking the mother would alert the alleged perpetrator",
                 "answeredBy": null, "answeredAt": null, "declinedBy": null, "declinedAt": null, "declineReason": null}
              ],
              "total": 1
            }""";

    private ApiExamples() {
    }
}
