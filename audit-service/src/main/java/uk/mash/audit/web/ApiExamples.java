package uk.mash.audit.web;

/** The examples audit's API description shows an auditor's or a board's integrator: one fictional case's log. */
final class ApiExamples {

    static final String CASE_EVENTS = """
            [
              {"sequence": 4182, "eventId": "5f0c6a7e-2b1d-4c3e-9a8f-1d2e3f4a5b6c", "type": "mash.report.received.v1",
               "source": "urn:mash:intake-service", "caseId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
               "occurredAt": "2026-11-21T09:14:03.512Z", "recordedAt": "2026-11-21T09:14:03.690Z",
               "actor": {"sub": "police-system:nwp", "agency": "POLICE"},
               "data": {"reportId": "5f0c6a7e-2b1d-4c3e-9a8f-1d2e3f4a5b6c", "reference": "MASH-2026-000123",
                        "channel": "POLICE_NOTIFICATION", "concerns": ["DOMESTIC_ABUSE"]},
               "hash": "9f2c4e1a7b3d5f60812e4c9a0b7d3e5f1a2c4b6d8e0f1a3c5e7b9d1f3a5c7e9b",
               "previousHash": "3b8e1d5a9c2f4b6e0a7d3c1f5e9b2a4d6c8e0f2b4d6a8c0e2f4b6d8a0c2e4f6a"},
              {"sequence": 4185, "eventId": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f", "type": "mash.case.opened.v1",
               "source": "urn:mash:screening-service", "caseId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
               "occurredAt": "2026-11-21T09:14:04.100Z", "recordedAt": "2026-11-21T09:14:04.350Z",
               "actor": {"sub": "police-system:nwp", "agency": "POLICE"},
               "data": {"caseId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "reference": "MASH-2026-000123"},
               "hash": "1a3c5e7b9d1f3a5c7e9b9f2c4e1a7b3d5f60812e4c9a0b7d3e5f1a2c4b6d8e0f",
               "previousHash": "0a7d3c1f5e9b2a4d6c8e0f2b4d6a8c0e2f4b6d8a0c2e4f6a3b8e1d5a9c2f4b6e"}
            ]""";

    static final String CASE_AS_OF = """
            {"caseId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "reference": "MASH-2026-000123",
             "status": "AWAITING_DECISION", "openedAt": "2026-11-21T09:14:04.100Z",
             "decisionDueBy": "2026-11-24T09:14:04.100Z", "overdue": false, "rag": "RED",
             "reReferral": false, "previousCaseIds": [],
             "reports": [{"reportId": "5f0c6a7e-2b1d-4c3e-9a8f-1d2e3f4a5b6c", "reference": "MASH-2026-000123",
                          "receivedAt": "2026-11-21T09:14:03.512Z", "agency": "POLICE", "channel": "POLICE_NOTIFICATION"}],
             "subjects": [{"subjectId": "9b2d4f4e-3c1a-4a7e-8f55-6a0d2c1b7e90", "role": "CHILD", "givenName": "Sam",
                           "familyName": "Evans", "dateOfBirth": "2016-03-01"}],
             "concerns": ["DOMESTIC_ABUSE"], "consent": "NOT_SOUGHT_RISK",
             "agencyInformation": [{"agency": "HEALTH", "sharedBy": "nurse.jones", "sharedAt": "2026-11-21T10:05:00Z",
                                    "legalBasis": "SAFEGUARDING_WITHOUT_CONSENT",
                                    "summary": "Two missed developmental reviews; registered with Conwy surgery.",
                                    "requestId": "4b9e2f71-0c6a-4d38-b5e1-7a2d9c0f6e84"}],
             "informationRequests": [
               {"requestId": "4b9e2f71-0c6a-4d38-b5e1-7a2d9c0f6e84", "agency": "HEALTH",
                "question": "Is Sam known to health visiting or the GP?", "requestedBy": "screener.alun.jenkins",
                "requestedByAgency": "CHILDRENS_SERVICES", "requestedAt": "2026-11-21T09:30:00Z",
                "dueBy": "2026-11-21T11:30:00Z", "rag": "RED", "status": "ANSWERED", "overdue": false,
                "consentOverride": "Asking the family would alert the alleged abuser.", "answeredBy": "nurse.jones",
                "answeredAt": "2026-11-21T10:05:00Z", "declinedBy": null, "declinedAt": null, "declineReason": null},
               {"requestId": "8d1c3e5a-7f92-4b06-a1d4-3e6f8a0c2b57", "agency": "EDUCATION",
                "question": "Is Sam known to education?", "requestedBy": "screener.alun.jenkins",
                "requestedByAgency": "CHILDRENS_SERVICES", "requestedAt": "2026-11-21T09:30:00Z",
                "dueBy": "2026-11-21T11:30:00Z", "rag": "RED", "status": "OPEN", "overdue": false,
                "consentOverride": "Asking the family would alert the alleged abuser.", "answeredBy": null,
                "answeredAt": null, "declinedBy": null, "declinedAt": null, "declineReason": null}],
             "riskRatings": [{"rag": "RED", "rationale": "Police grade HIGH", "ratedBy": "police-system:nwp",
                              "ratedAt": "2026-11-21T09:14:04.100Z"}],
             "decision": null, "version": 5}""";

    static final String INTEGRITY = """
            {"entries": 871, "verified": true,
             "headHash": "9f2c4e1a7b3d5f60812e4c9a0b7d3e5f1a2c4b6d8e0f1a3c5e7b9d1f3a5c7e9b",
             "firstBrokenSequence": null, "reason": null, "fromSequence": 1, "toSequence": 871,
             "checkpoints": [{"status": "MATCHES", "number": 1, "sequence": 800,
                              "hash": "4d6a8c0e2f4b6d8a0c2e4f6a3b8e1d5a9c2f4b6e0a7d3c1f5e9b2a4d6c8e0f2b",
                              "instant": "2026-11-21T12:00:00Z", "signatureValid": true, "matchesLog": true,
                              "file": "checkpoint-000000000800.json"}],
             "firstFailedCheckpoint": null}""";

    static final String ACCESS_LOG = """
            [{"sequence": 4190, "eventId": "e7f8a9b0-c1d2-4e3f-a4b5-c6d7e8f9a0b1",
              "caseId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "sub": "screener.williams", "agency": "CHILDRENS_SERVICES",
              "service": "screening-service", "endpoint": "GET /api/v1/cases/{caseId}", "readAt": "2026-11-21T09:20:11.042Z"}]""";

    static final String CHECKPOINT = """
            {"sequence": 871, "hash": "9f2c4e1a7b3d5f60812e4c9a0b7d3e5f1a2c4b6d8e0f1a3c5e7b9d1f3a5c7e9b",
             "instant": "2026-11-21T18:00:00Z", "algorithm": "Ed25519", "keyId": "3fa85f6457174562",
             "signature": "q2V5c2lnbmF0dXJlLWV4YW1wbGUtb25seS1ub3QtYS1yZWFsLXNpZ25hdHVyZS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLQ==",
             "number": 2, "previousSequence": 800}""";

    static final String PUBLIC_KEY = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=
            -----END PUBLIC KEY-----
            """;

    static final String REBUILT = """
            {"rebuilt": ["report_case", "report_card_facts"], "reportCases": 84, "reportCardFacts": 690, "head": 871}""";

    static final String REPORT_CARD = """
            {"from": "2026-11-01", "to": "2026-11-30", "contactsReceived": 1684, "casesOpened": 1402, "referrals": 911,
             "decisionsWithinOneWorkingDay": {"count": 1367, "of": 1402, "share": 0.975},
             "reReferrals": {"count": 200, "of": 911, "share": 0.2195},
             "acknowledgedInTime": {"count": 1010, "of": 1043, "share": 0.9684},
             "byReferringAgency": {"POLICE": 702, "EDUCATION": 311, "HEALTH": 298, "PUBLIC": 120, "OTHER": 253},
             "byConcern": {"DOMESTIC_ABUSE": 640, "NEGLECT": 402, "EMOTIONAL_ABUSE": 377},
             "byOutcome": {"EARLY_HELP": 402, "CHILD_PROTECTION_STRATEGY": 171, "NO_FURTHER_ACTION": 231},
             "reportToDecision": {"decisions": 1402, "median": "PT5H12M", "p90": "PT20H40M",
                                  "medianSeconds": 18720, "p90Seconds": 74400},
             "informationSharing": {"requests": 3120, "answered": 2890, "declined": 96, "open": 134,
                                    "answeredByDueBy": {"count": 2704, "of": 3120, "share": 0.8667},
                                    "byRag": {"RED": {"requests": 610, "answeredByDueBy": {"count": 571, "of": 610, "share": 0.9361}},
                                              "AMBER": {"requests": 1840, "answeredByDueBy": {"count": 1570, "of": 1840, "share": 0.8533}},
                                              "GREEN": {"requests": 670, "answeredByDueBy": {"count": 563, "of": 670, "share": 0.8403}}},
                                    "byAgency": {"EDUCATION": {"requests": 1100, "answered": 1040, "declined": 12,
                                                               "medianResponse": "PT1H50M", "p90Response": "PT7H",
                                                               "medianResponseSeconds": 6600, "p90ResponseSeconds": 25200},
                                                 "HEALTH": {"requests": 1210, "answered": 1120, "declined": 60,
                                                            "medianResponse": "PT2H30M", "p90Response": "PT9H15M",
                                                            "medianResponseSeconds": 9000, "p90ResponseSeconds": 33300},
                                                 "POLICE": {"requests": 810, "answered": 730, "declined": 24,
                                                            "medianResponse": "PT1H5M", "p90Response": "PT5H20M",
                                                            "medianResponseSeconds": 3900, "p90ResponseSeconds": 19200}}}}""";

    static final String FROM_AFTER_TO = """
            {"type": "urn:mash:problem:invalid-request", "title": "Request breaks a rule", "status": 422,
             "detail": "The request breaks a rule", "violations": [{"field": "from", "message": "must not be after to"}]}""";

    static final String FROM_SEQUENCE_AFTER_TO = """
            {"type": "urn:mash:problem:invalid-request", "title": "Request breaks a rule", "status": 422,
             "detail": "The request breaks a rule",
             "violations": [{"field": "fromSequence", "message": "must not be after toSequence"}]}""";

    static final String NO_CHECKPOINT_YET = """
            {"type": "urn:mash:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No checkpoint has been made yet"}""";

    private ApiExamples() {
    }
}
