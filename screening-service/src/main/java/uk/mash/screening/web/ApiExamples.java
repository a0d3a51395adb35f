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
              "concerns": ["DOMESTIC_ABUSE"],
              "agencyInformation": [
                {"agency": "HEALTH", "sharedBy": "nurse.jones", "sharedAt": "2026-11-21T10:02:41.000Z",
                 "legalBasis": "SAFEGUARDING_WITHOUT_CONSENT",
                 "summary": "Health visitor saw Sam in October; missed the last two appointments."}
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

    private ApiExamples() {
    }
}
