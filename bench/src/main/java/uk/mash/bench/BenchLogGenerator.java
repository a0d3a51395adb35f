package uk.mash.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import uk.mash.audit.log.AuditEntry;
import uk.mash.audit.log.CanonicalForm;
import uk.mash.audit.log.ReceivedEvent;
import uk.mash.contracts.EventTypes;

/**
 * A realistic audit log for the replay and integrity bench: case journeys as the services emit
 * them (a report received; a case opened, or the report linked to an open case; agency information,
 * a risk rating, reads, a decision, referrals routed and acknowledged, now and then an overdue
 * decision or an escalation), many journeys interleaved as they are in a working MASH. Data has the
 * shape and size of the contracts' events (their golden files); each entry's case and actor are
 * read from its data by audit's own {@link ReceivedEvent}, and the chain is made by audit's own
 * {@link CanonicalForm}, so audit verifies it as it verifies its live log. Deterministic per seed.
 */
final class BenchLogGenerator {

    /** Bump when the entries made for a seed change: a scratch log made by another version is made again. */
    static final int VERSION = 1;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int ACTIVE_JOURNEYS = 64;
    private static final String[] GIVEN = {"Osian", "Ffion", "Gareth", "Cerys", "Dylan", "Seren", "Rhys", "Megan",
            "Tomos", "Elin", "Jack", "Olivia", "Harri", "Lowri", "Noah", "Amelia", "Iwan", "Sian", "Callum", "Nia"};
    private static final String[] FAMILY = {"Pritchard", "Lloyd", "Jones", "Williams", "Davies", "Evans", "Thomas",
            "Roberts", "Hughes", "Lewis", "Morgan", "Griffiths", "Owen", "Parry", "Jenkins", "Price"};
    private static final String[][] PLACES = {{"Colwyn Bay", "LL28"}, {"Abergele", "LL22"}, {"Llandudno", "LL30"},
            {"Conwy", "LL32"}, {"Rhyl", "LL18"}, {"Bangor", "LL57"}, {"Wrexham", "LL11"}, {"Mold", "CH7"}};
    private static final String[] STREETS = {"Heol y Coed", "Ffordd yr Orsaf", "Station Road", "Church Street",
            "Maes y Dref", "Llys Helyg", "Park Avenue", "Bryn Awel"};
    private static final String[] CONCERNS = {"PHYSICAL_ABUSE", "SEXUAL_ABUSE", "EMOTIONAL_ABUSE", "NEGLECT",
            "FINANCIAL_ABUSE", "DOMESTIC_ABUSE", "CHILD_EXPLOITATION", "MISSING", "SELF_HARM", "PROFESSIONAL_CONCERN"};
    private static final String[] AGENCIES = {"EDUCATION", "HEALTH", "POLICE", "HOUSING", "PROBATION", "MENTAL_HEALTH",
            "ADULT_SERVICES", "VOLUNTARY_SECTOR"};
    private static final String[] RAGS = {"RED", "AMBER", "AMBER", "GREEN", "GREEN"};
    private static final String[] OUTCOMES = {"NO_FURTHER_ACTION", "INFORMATION_AND_ADVICE", "EARLY_HELP",
            "CARE_AND_SUPPORT_ASSESSMENT", "CHILD_PROTECTION_STRATEGY", "ADULT_SAFEGUARDING_ENQUIRY", "POLICE_INVESTIGATION"};
    private static final String[] SUMMARIES = {
            "Officers attended a domestic incident at the family home; one child present and visibly distressed.",
            "Class teacher reports repeated unexplained bruising and the child saying they are afraid to go home.",
            "Neighbour reports young children left alone in the flat overnight on several occasions this month.",
            "District nurse concerned that an older adult's pension is being taken by a relative who lives with them.",
            "Youth worker reports a fifteen-year-old seen getting into cars with unknown adults late at night."};
    private static final String[] RATIONALES = {
            "Police graded HIGH; second domestic incident in twelve months with a child present.",
            "Health records show missed developmental reviews; school attendance below seventy per cent.",
            "Information from three agencies is consistent; no immediate risk but needs assessment within the week.",
            "Repeat concerns from the same referrer; threshold for a strategy discussion is met."};

    private final Random random;
    private Instant clock;
    private long sequence;
    private String previousHash = CanonicalForm.GENESIS;
    private long reportNumber;
    private final List<Journey> active = new ArrayList<>();
    /** Open cases a new report may be linked to: caseId and reference. */
    private final List<String[]> openCases = new ArrayList<>();
    private final Map<String, Long> typeCounts = new LinkedHashMap<>();
    private long dataChars;

    BenchLogGenerator(long seed, Instant start) {
        this.random = new Random(seed);
        this.clock = start.truncatedTo(ChronoUnit.MICROS);
    }

    /** The next entry of the log, chained to the one before. */
    AuditEntry next() {
        while (active.size() < ACTIVE_JOURNEYS) {
            active.add(newJourney());
        }
        int i = random.nextInt(active.size());
        Journey journey = active.get(i);
        ReceivedEvent event = journey.steps.poll().make();
        if (journey.steps.isEmpty()) {
            active.set(i, active.get(active.size() - 1));
            active.remove(active.size() - 1);
            openCases.remove(journey.caseRef);
        }
        clock = clock.plusNanos(1_000L * (1 + random.nextInt(20_000_000))); // up to 20 s between events
        String data = CanonicalForm.json(event.data());
        Instant recorded = clock.plusNanos(1_000L * (2_000 + random.nextInt(200_000)));
        long n = ++sequence;
        String hash = CanonicalForm.hash(previousHash, CanonicalForm.entry(n, event.eventId(), event.type(),
                event.source(), event.caseId(), clock, recorded, event.actorSub(), event.actorAgency(), data));
        AuditEntry entry = new AuditEntry(n, event.eventId(), event.type(), event.source(), event.caseId(), clock,
                recorded, event.actorSub(), event.actorAgency(), data, previousHash, hash);
        previousHash = hash;
        typeCounts.merge(event.type(), 1L, Long::sum);
        dataChars += data.length();
        return entry;
    }

    Map<String, Long> typeCounts() {
        return typeCounts;
    }

    double averageDataChars() {
        return sequence == 0 ? 0 : (double) dataChars / sequence;
    }

    private interface Step {
        ReceivedEvent make();
    }

    private static final class Journey {
        final Deque<Step> steps = new ArrayDeque<>();
        String[] caseRef;
    }

    /** One report and what follows it: 80 % open a case and run it to its referrals, 20 % join an open case. */
    private Journey newJourney() {
        Journey j = new Journey();
        String reportId = uuid();
        String reference = "MASH-2026-" + String.format("%06d", ++reportNumber);
        boolean police = random.nextInt(4) == 0;
        ArrayNode concerns = concerns();
        ArrayNode subjects = subjects();
        ObjectNode policeRef = police ? policeReference() : null;
        String rag = pick(RAGS);
        j.steps.add(() -> reportReceived(reportId, reference, police, concerns, subjects, policeRef, rag));
        if (!openCases.isEmpty() && random.nextInt(5) == 0) {
            String[] open = openCases.get(random.nextInt(openCases.size()));
            j.steps.add(() -> event(EventTypes.REPORT_LINKED, "screening", o -> {
                o.put("caseId", open[0]);
                o.put("reportId", reportId);
                o.put("reportReference", reference);
                o.put("receivedAt", at(-2));
                o.put("linkedAt", at(0));
                o.put("agency", police ? "POLICE" : pick(AGENCIES));
                o.put("channel", police ? "POLICE_NOTIFICATION" : "ONLINE");
                o.set("concerns", concerns);
                o.set("subjects", subjects);
                o.set("police", policeRef == null ? JSON.nullNode() : policeRef);
            }));
            if (random.nextBoolean()) {
                j.steps.add(() -> caseRead(open[0]));
            }
            return j;
        }
        String caseId = uuid();
        j.caseRef = new String[] {caseId, reference};
        j.steps.add(() -> {
            openCases.add(j.caseRef);
            return event(EventTypes.CASE_OPENED, "screening", o -> {
                o.put("caseId", caseId);
                o.put("reference", reference);
                o.put("reportId", reportId);
                o.put("openedAt", at(0));
                o.put("decisionDueBy", at(3 * 86_400));
                o.set("subjects", subjects);
                o.set("concerns", concerns);
                o.put("rag", rag);
                o.put("reReferral", random.nextInt(6) == 0);
                o.set("previousCaseIds", JSON.arrayNode());
                o.set("police", policeRef == null ? JSON.nullNode() : policeRef);
                o.put("reportReceivedAt", at(-2));
                o.put("agency", police ? "POLICE" : pick(AGENCIES));
                o.put("channel", police ? "POLICE_NOTIFICATION" : "ONLINE");
            });
        });
        int reads = 2 + random.nextInt(4);
        j.steps.add(() -> caseRead(caseId));
        for (int k = random.nextInt(4); k > 0; k--) { // agency information: 0-3 shares, 1.5 on average
            j.steps.add(() -> event(EventTypes.AGENCY_INFORMATION_ADDED, "screening", o -> {
                String agency = pick(AGENCIES);
                o.put("caseId", caseId);
                o.put("agency", agency);
                o.put("sharedBy", agency.toLowerCase() + "." + pick(GIVEN).toLowerCase() + "." + pick(FAMILY).toLowerCase());
                o.put("sharedAt", at(0));
                o.put("legalBasis", random.nextBoolean() ? "SAFEGUARDING_WITHOUT_CONSENT" : "CONSENT");
                o.put("summary", pick(RATIONALES));
            }));
            if (reads > 1 && random.nextBoolean()) {
                j.steps.add(() -> caseRead(caseId));
                reads--;
            }
        }
        String screener = "screener." + pick(GIVEN).toLowerCase() + "." + pick(FAMILY).toLowerCase();
        j.steps.add(() -> event(EventTypes.RISK_RATED, "screening", o -> {
            o.put("caseId", caseId);
            o.put("rag", rag);
            o.put("rationale", pick(RATIONALES));
            o.put("ratedBy", screener);
            o.put("agency", "CHILDRENS_SERVICES");
            o.put("ratedAt", at(0));
        }));
        for (int k = reads - 1; k > 0; k--) {
            j.steps.add(() -> caseRead(caseId));
        }
        if (random.nextInt(20) == 0) {
            j.steps.add(() -> event(EventTypes.DECISION_OVERDUE, "screening", o -> {
                o.put("caseId", caseId);
                o.put("caseReference", reference);
                o.put("decisionDueBy", at(-3600));
                o.put("overdueAt", at(0));
            }));
        }
        String decisionId = uuid();
        String outcome = pick(OUTCOMES);
        ArrayNode routes = JSON.arrayNode();
        if (!outcome.equals("NO_FURTHER_ACTION") && !outcome.equals("INFORMATION_AND_ADVICE")) {
            routes.add(outcome.startsWith("ADULT") ? "ADULTS" : "CHILDREN");
            if (police || outcome.equals("POLICE_INVESTIGATION")) {
                routes.add("POLICE");
            }
        }
        String rationale = pick(RATIONALES) + " " + pick(SUMMARIES);
        j.steps.add(() -> event(EventTypes.DECISION_RECORDED, "screening", o -> {
            o.put("caseId", caseId);
            o.put("caseReference", reference);
            o.put("decisionId", decisionId);
            o.put("outcome", outcome);
            o.set("routes", routes);
            o.put("rationale", rationale);
            o.put("decidedBy", "manager." + pick(GIVEN).toLowerCase() + "." + pick(FAMILY).toLowerCase());
            o.put("agency", "CHILDRENS_SERVICES");
            o.put("decidedAt", at(0));
            o.put("withinTimescale", random.nextInt(10) > 0);
            o.putNull("supersedes");
            o.putNull("supersedesReason");
            o.put("rag", rag);
            o.set("concerns", concerns);
            o.set("subjects", subjects);
            ArrayNode refs = o.putArray("policeReferences");
            if (policeRef != null) {
                refs.add(policeRef);
            }
        }));
        for (var route : routes) {
            String queue = route.asText();
            String referralId = uuid();
            j.steps.add(() -> event(EventTypes.REFERRAL_ROUTED, "routing", o -> {
                o.put("referralId", referralId);
                o.put("caseId", caseId);
                o.put("caseReference", reference);
                o.put("queue", queue);
                o.put("decisionId", decisionId);
                o.put("outcome", outcome);
                o.put("rag", rag);
                o.put("rationale", rationale);
                o.put("decidedAt", at(-3));
                o.put("routedAt", at(0));
                o.set("concerns", concerns);
                o.set("subjects", subjects);
                ArrayNode refs = o.putArray("policeReferences");
                if (policeRef != null) {
                    refs.add(policeRef);
                }
            }));
            if (random.nextInt(30) == 0) {
                j.steps.add(() -> event(EventTypes.REFERRAL_ESCALATED, "routing", o -> {
                    o.put("referralId", referralId);
                    o.put("caseId", caseId);
                    o.put("queue", queue);
                    o.put("rag", rag);
                    o.put("routedAt", at(-14_400));
                    o.put("limit", "PT4H");
                    o.put("escalatedAt", at(0));
                }));
            }
            String team = queue.equals("POLICE") ? "POLICE" : queue.equals("ADULTS") ? "ADULT_SERVICES" : "CHILDRENS_SERVICES";
            j.steps.add(() -> event(EventTypes.REFERRAL_ACKNOWLEDGED, "routing", o -> {
                o.put("referralId", referralId);
                o.put("caseId", caseId);
                o.put("queue", queue);
                o.put("acknowledgedBy", queue.toLowerCase() + ".duty." + pick(FAMILY).toLowerCase());
                o.put("agency", team);
                o.put("acknowledgedAt", at(0));
                o.put("note", "Strategy discussion booked; allocated to the duty team.");
                o.put("withinLimit", random.nextInt(10) > 0);
            }));
        }
        return j;
    }

    private ReceivedEvent reportReceived(String reportId, String reference, boolean police, ArrayNode concerns,
                                         ArrayNode subjects, ObjectNode policeRef, String rag) {
        return event(EventTypes.REPORT_RECEIVED, "intake", o -> {
            String agency = police ? "POLICE" : pick(AGENCIES);
            String[] place = pick(PLACES);
            o.put("reportId", reportId);
            o.put("reference", reference);
            o.put("receivedAt", at(0));
            ObjectNode by = o.putObject("submittedBy");
            by.put("sub", police ? "nwp-ppn-gateway" : "referrer." + pick(GIVEN).toLowerCase() + "." + pick(FAMILY).toLowerCase());
            by.put("agency", agency);
            ObjectNode referrer = o.putObject("referrer");
            referrer.put("name", pick(GIVEN) + " " + pick(FAMILY));
            referrer.put("role", police ? "Response Officer" : "Designated Safeguarding Lead");
            referrer.put("organisation", police ? "North Wales Police" : place[0] + " " + agency.toLowerCase().replace('_', ' '));
            referrer.put("agency", agency);
            referrer.put("phone", "01492 " + (100_000 + random.nextInt(900_000)));
            referrer.put("email", "safeguarding." + place[1].toLowerCase() + "@" + agency.toLowerCase() + ".example");
            o.put("channel", police ? "POLICE_NOTIFICATION" : random.nextBoolean() ? "ONLINE" : "PHONE");
            o.set("concerns", concerns);
            o.put("summary", pick(SUMMARIES));
            o.put("immediateRisk", "RED".equals(rag));
            o.put("incidentDate", LocalDate.ofInstant(clock, java.time.ZoneOffset.UTC).toString());
            o.put("consent", random.nextBoolean() ? "GIVEN" : "NOT_SOUGHT_RISK");
            o.set("subjects", subjects);
            o.put("initialRag", rag);
            o.set("police", policeRef == null ? JSON.nullNode() : policeRef);
        });
    }

    private ReceivedEvent caseRead(String caseId) {
        boolean screening = random.nextInt(4) > 0;
        return event(EventTypes.CASE_READ, screening ? "screening" : "audit", o -> {
            o.put("caseId", caseId);
            o.put("sub", (screening ? "screener." : "auditor.") + pick(GIVEN).toLowerCase() + "." + pick(FAMILY).toLowerCase());
            o.put("agency", "CHILDRENS_SERVICES");
            o.put("service", screening ? "screening-service" : "audit-service");
            o.put("endpoint", screening ? "GET /api/v1/cases/{caseId}" : "GET /api/v1/audit/cases/{caseId}/events");
            o.put("readAt", at(0));
        });
    }

    private ReceivedEvent event(String type, String service, java.util.function.Consumer<ObjectNode> data) {
        ObjectNode o = JSON.objectNode();
        data.accept(o);
        return new ReceivedEvent(uuid(), type, "urn:mash:" + service + "-service", clock, o);
    }

    private ArrayNode subjects() {
        ArrayNode subjects = JSON.arrayNode();
        String family = pick(FAMILY);
        String[] place = pick(PLACES);
        ObjectNode address = JSON.objectNode();
        address.put("line1", (1 + random.nextInt(120)) + " " + pick(STREETS));
        address.put("line2", random.nextBoolean() ? "Tŷ Newydd" : null);
        address.put("town", place[0]);
        address.put("postcode", place[1] + " " + (1 + random.nextInt(9)) + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)));
        int n = 1 + random.nextInt(3);
        for (int k = 0; k < n; k++) {
            ObjectNode s = subjects.addObject();
            s.put("subjectId", uuid());
            s.put("role", k == 0 ? (random.nextInt(5) == 0 ? "ADULT_AT_RISK" : "CHILD") : k == 1 ? "PARENT_OR_CARER" : "ALLEGED_PERPETRATOR");
            s.put("givenName", pick(GIVEN));
            s.put("familyName", k < 2 ? family : pick(FAMILY));
            boolean known = k < 2;
            s.put("dateOfBirth", known ? LocalDate.of(k == 0 ? 2010 + random.nextInt(15) : 1975 + random.nextInt(25),
                    1 + random.nextInt(12), 1 + random.nextInt(28)).toString() : null);
            s.put("nhsNumber", known ? String.valueOf(9_990_000_000L + random.nextInt(10_000_000)) : null);
            s.set("address", known ? address : JSON.nullNode());
        }
        return subjects;
    }

    private ArrayNode concerns() {
        ArrayNode concerns = JSON.arrayNode();
        String first = pick(CONCERNS);
        concerns.add(first);
        if (random.nextBoolean()) {
            String second = pick(CONCERNS);
            if (!second.equals(first)) {
                concerns.add(second);
            }
        }
        return concerns;
    }

    private ObjectNode policeReference() {
        ObjectNode p = JSON.objectNode();
        p.put("notificationId", "NWP-PPN-2026-" + String.format("%06d", random.nextInt(1_000_000)));
        p.put("force", "NORTH_WALES_POLICE");
        p.put("occurrenceNumber", "NWP/26/" + (100_000 + random.nextInt(900_000)));
        ObjectNode officer = p.putObject("officer");
        officer.put("collarNumber", String.valueOf(1000 + random.nextInt(9000)));
        officer.put("name", "PC " + pick(FAMILY));
        officer.put("station", pick(PLACES)[0]);
        p.put("incidentAt", at(-1800));
        p.put("riskGrade", random.nextBoolean() ? "HIGH" : "MEDIUM");
        return p;
    }

    /** The clock plus some seconds, as the services write instants. */
    private String at(long seconds) {
        return clock.plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private String uuid() {
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
