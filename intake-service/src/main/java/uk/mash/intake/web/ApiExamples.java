package uk.mash.intake.web;

/**
 * The examples intake's API description shows an integrator: fictional people and places (the
 * NHS number is the NHS's own published example), each a request the service accepts as it stands.
 * ApiDescriptionIT reads every request example back through the service's own JSON reader and validator.
 */
final class ApiExamples {

    static final String SCHOOL_REPORT = """
            {
              "referrer": {"name": "Jane Jones", "role": "Designated Safeguarding Lead",
                           "organisation": "Christ Church School", "agency": "EDUCATION",
                           "phone": "01492 000000", "email": "dsl@example.org"},
              "channel": "ONLINE",
              "concerns": ["NEGLECT", "EMOTIONAL_ABUSE"],
              "summary": "Sam has arrived hungry and in the same clothes most days this month and says there is no food at home.",
              "immediateRisk": false,
              "incidentDate": "2026-11-20",
              "consent": "GIVEN",
              "subjects": [
                {"role": "CHILD", "givenName": "Sam", "familyName": "Evans", "dateOfBirth": "2016-03-01",
                 "nhsNumber": "9434765919",
                 "address": {"line1": "1 High Street", "town": "Conwy", "postcode": "LL32 8DU"}},
                {"role": "PARENT_OR_CARER", "givenName": "Rhian", "familyName": "Evans"}
              ]
            }""";

    static final String ANONYMOUS_REPORT = """
            {
              "referrer": {"agency": "PUBLIC"},
              "channel": "PHONE",
              "concerns": ["FINANCIAL_ABUSE"],
              "summary": "A neighbour says an older man next door is being made to hand over his pension each week.",
              "immediateRisk": true,
              "subjects": [
                {"role": "ADULT_AT_RISK", "givenName": "Gareth", "familyName": "Pryce", "dateOfBirth": "1941-07-14"}
              ]
            }""";

    static final String POLICE_NOTIFICATION = """
            {
              "notificationId": "NWP-PPN-2026-004711",
              "force": "NORTH_WALES_POLICE",
              "occurrenceNumber": "NWP/26/123456",
              "officer": {"collarNumber": "1234", "name": "PC Davies", "station": "Llandudno"},
              "incidentAt": "2026-11-20T22:15:00Z",
              "riskGrade": "HIGH",
              "concerns": ["DOMESTIC_ABUSE"],
              "summary": "Officers attended a domestic incident; two children present.",
              "persons": [
                {"involvement": "VICTIM", "givenName": "Rhian", "familyName": "Evans", "dateOfBirth": "1990-05-02"},
                {"involvement": "SUSPECT", "givenName": "Mark", "familyName": "Evans"},
                {"involvement": "CHILD_PRESENT", "givenName": "Sam", "familyName": "Evans", "dateOfBirth": "2016-03-01"}
              ]
            }""";

    static final String ACCEPTED = """
            {"reportId": "5f0c6a7e-2b1d-4c3e-9a8f-1d2e3f4a5b6c", "reference": "MASH-2026-000123",
             "receivedAt": "2026-11-21T09:14:03.512Z", "status": "RECEIVED"}""";

    static final String DECIDED = """
            {"reportId": "5f0c6a7e-2b1d-4c3e-9a8f-1d2e3f4a5b6c", "reference": "MASH-2026-000123",
             "receivedAt": "2026-11-21T09:14:03.512Z", "status": "DECIDED",
             "caseReference": "MASH-2026-000123", "outcome": "EARLY_HELP"}""";

    static final String KEY_REUSED = """
            {"type": "urn:mash:problem:idempotency-key-reused", "title": "Conflict", "status": 409,
             "detail": "This Idempotency-Key was already used with a different request"}""";

    static final String NOTIFICATION_ID_REUSED = """
            {"type": "urn:mash:problem:idempotency-key-reused", "title": "Conflict", "status": 409,
             "detail": "This notificationId was already used with a different request"}""";

    static final String NO_PERSON_AT_RISK = """
            {"type": "urn:mash:problem:invalid-request", "title": "Request breaks a rule", "status": 422,
             "detail": "The request breaks 1 rule(s)",
             "violations": [{"field": "persons", "message": "must include at least one CHILD or ADULT_AT_RISK"}]}""";

    static final String AGENCY_NOT_THE_TOKENS = """
            {"type": "urn:mash:problem:invalid-request", "title": "Request breaks a rule", "status": 422,
             "detail": "The request breaks a rule",
             "violations": [{"field": "referrer.agency", "message": "must be the agency your token names"}]}""";

    private ApiExamples() {
    }
}
