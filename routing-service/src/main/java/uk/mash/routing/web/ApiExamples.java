package uk.mash.routing.web;

/**
 * The examples routing's API description shows a receiving team's integrator: a fictional referral on
 * the children queue, as that queue's allow-list leaves it. ApiDescriptionIT reads every request example
 * back through the service's own JSON reader and validator.
 */
final class ApiExamples {

    static final String REFERRAL = """
            {
              "referralId": "6e1b9d47-c3a8-4f25-8d0e-2b7a5f9c1e38",
              "caseId": "3f2a6c1e-8b4d-4e7a-9c15-2d7f0b6a91e4",
              "caseReference": "MASH-2026-000187",
              "queue": "CHILDREN",
              "decisionId": "0f6d2b8e-4a17-4c93-b2e5-d8c1a7f3e694",
              "outcome": "CHILD_PROTECTION_STRATEGY",
              "rag": "RED",
              "rationale": "Domestic abuse with a child present; threshold for a strategy discussion is met.",
              "decidedAt": "2026-11-21T14:20:00Z",
              "routedAt": "2026-11-21T14:20:03Z",
              "concerns": ["DOMESTIC_ABUSE", "EMOTIONAL_ABUSE"],
              "subjects": [
                {"subjectId": "5d8e1a3b-7c2f-4b69-9e04-a1f6c3d82b57", "role": "CHILD", "givenName": "Osian",
                 "familyName": "Pritchard", "dateOfBirth": "2017-06-14", "nhsNumber": "9993141593",
                 "address": {"line1": "14 Heol y Coed", "town": "Colwyn Bay", "postcode": "LL28 5EJ"}}
              ],
              "status": "PENDING",
              "dueBy": "2026-11-21T18:20:03Z"
            }""";

    static final String QUEUE = "{\"items\": [" + REFERRAL + "]}";

    static final String ACKNOWLEDGED = """
            {
              "referralId": "6e1b9d47-c3a8-4f25-8d0e-2b7a5f9c1e38",
              "caseId": "3f2a6c1e-8b4d-4e7a-9c15-2d7f0b6a91e4",
              "caseReference": "MASH-2026-000187",
              "queue": "CHILDREN",
              "decisionId": "0f6d2b8e-4a17-4c93-b2e5-d8c1a7f3e694",
              "outcome": "CHILD_PROTECTION_STRATEGY",
              "rag": "RED",
              "decidedAt": "2026-11-21T14:20:00Z",
              "routedAt": "2026-11-21T14:20:03Z",
              "status": "ACKNOWLEDGED",
              "dueBy": "2026-11-21T18:20:03Z",
              "acknowledgedAt": "2026-11-21T15:02:17.204Z",
              "acknowledgedBy": "duty.manager.conwy",
              "acknowledgedByAgency": "CHILDRENS_SERVICES",
              "acknowledgementNote": "Strategy discussion booked for 16:00 today."
            }""";

    static final String ACKNOWLEDGEMENT = """
            {"note": "Strategy discussion booked for 16:00 today."}""";

    static final String NOTE_TOO_LONG = """
            {"type": "urn:mash:problem:invalid-request", "title": "Request breaks a rule", "status": 422,
             "detail": "The request breaks 1 rule(s)",
             "violations": [{"field": "note", "message": "must be at most 4000 characters"}]}""";

    static final String WITHDRAWN = """
            {"type": "urn:mash:problem:referral-withdrawn", "title": "Conflict", "status": 409,
             "detail": "This referral was withdrawn by a later decision and cannot be acknowledged"}""";

    private ApiExamples() {
    }
}
