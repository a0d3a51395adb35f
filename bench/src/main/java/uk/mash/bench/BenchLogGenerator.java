package uk.mash.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import uk.mash.contracts.Actor;
import uk.mash.contracts.Address;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Channel;
import uk.mash.contracts.Concern;
import uk.mash.contracts.Consent;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.LegalBasis;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.PoliceOfficer;
import uk.mash.contracts.PoliceReference;
import uk.mash.contracts.PoliceRiskGrade;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Referrer;
import uk.mash.contracts.Route;
import uk.mash.contracts.Subject;
import uk.mash.contracts.SubjectRole;
import uk.mash.contracts.events.AgencyInformationAdded;
import uk.mash.contracts.events.CaseOpened;
import uk.mash.contracts.events.CaseRead;
import uk.mash.contracts.events.DecisionOverdue;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.contracts.events.ReferralAcknowledged;
import uk.mash.contracts.events.ReferralEscalated;
import uk.mash.contracts.events.ReferralRouted;
import uk.mash.contracts.events.ReportLinked;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.contracts.events.RiskRated;

/**
 * A realistic audit log for the replay and integrity bench: case journeys as the services emit
 * them (a report received; a case opened, or the report linked to an open case; agency information,
 * a risk rating, reads, a decision, referrals routed and acknowledged, now and then an overdue
 * decision or an escalation), many journeys interleaved as they are in a working MASH. Each event is
 * the contracts' own record ({@code uk.mash.contracts.events}) serialised as the services serialise
 * it ({@link ServiceJson}); a decision's routes are the ones screening would give it
 * ({@link Outcome#requiredRoutes}), and a referral is routed to each of them. Each entry's case and
 * actor are read from its data by audit's own {@link ReceivedEvent}, and the chain is made by
 * audit's own {@link CanonicalForm}, so audit verifies it as it verifies its live log.
 * Deterministic per seed.
 */
final class BenchLogGenerator {

    /**
     * Bump when the entries made for a seed change: a scratch log made by another version is made
     * again. 2: the contracts' records, screening's routes. 3: references, police references and
     * dates of birth dated by the clock's year (a log may span years).
     */
    static final int VERSION = 3;

    /** Up to 20 s between events (10 s on average): the replay log's pace, a million entries in about 116 days. */
    static final long DEFAULT_MAX_GAP_MICROS = 20_000_000L;

    private static final int ACTIVE_JOURNEYS = 64;
    private static final String[] GIVEN = {"Osian", "Ffion", "Gareth", "Cerys", "Dylan", "Seren", "Rhys", "Megan",
            "Tomos", "Elin", "Jack", "Olivia", "Harri", "Lowri", "Noah", "Amelia", "Iwan", "Sian", "Callum", "Nia"};
    private static final String[] FAMILY = {"Pritchard", "Lloyd", "Jones", "Williams", "Davies", "Evans", "Thomas",
            "Roberts", "Hughes", "Lewis", "Morgan", "Griffiths", "Owen", "Parry", "Jenkins", "Price"};
    private static final String[][] PLACES = {{"Colwyn Bay", "LL28"}, {"Abergele", "LL22"}, {"Llandudno", "LL30"},
            {"Conwy", "LL32"}, {"Rhyl", "LL18"}, {"Bangor", "LL57"}, {"Wrexham", "LL11"}, {"Mold", "CH7"}};
    private static final String[] STREETS = {"Heol y Coed", "Ffordd yr Orsaf", "Station Road", "Church Street",
            "Maes y Dref", "Llys Helyg", "Park Avenue", "Bryn Awel"};
    private static final Concern[] CONCERNS = {Concern.PHYSICAL_ABUSE, Concern.SEXUAL_ABUSE, Concern.EMOTIONAL_ABUSE,
            Concern.NEGLECT, Concern.FINANCIAL_ABUSE, Concern.DOMESTIC_ABUSE, Concern.CHILD_EXPLOITATION, Concern.MISSING,
            Concern.SELF_HARM, Concern.PROFESSIONAL_CONCERN};
    private static final Agency[] AGENCIES = {Agency.EDUCATION, Agency.HEALTH, Agency.POLICE, Agency.HOUSING,
            Agency.PROBATION, Agency.MENTAL_HEALTH, Agency.ADULT_SERVICES, Agency.VOLUNTARY_SECTOR};
    private static final Rag[] RAGS = {Rag.RED, Rag.AMBER, Rag.AMBER, Rag.GREEN, Rag.GREEN};
    /** The outcomes a RED case may take (DecisionPolicy: it cannot be closed). */
    private static final Outcome[] RED_OUTCOMES = java.util.Arrays.stream(Outcome.values())
            .filter(o -> o != Outcome.NO_FURTHER_ACTION && o != Outcome.INFORMATION_AND_ADVICE).toArray(Outcome[]::new);
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
    /** The most microseconds between one event and the next; the gaps are uniform from 1 to this. */
    private final long maxGapMicros;
    private Instant clock;
    private long sequence;
    private String previousHash = CanonicalForm.GENESIS;
    private long reportNumber;
    private final List<Journey> active = new ArrayList<>();
    /** Open cases a new report may be linked to. */
    private final List<OpenCase> openCases = new ArrayList<>();
    private final Map<String, Long> typeCounts = new LinkedHashMap<>();
    private long dataChars;

    BenchLogGenerator(long seed, Instant start) {
        this(seed, start, DEFAULT_MAX_GAP_MICROS);
    }

    /**
     * A log whose events are spread at random gaps of 1 to {@code maxGapMicros} microseconds: N entries
     * then span about N * maxGapMicros / 2 ({@link #maxGapMicrosFor}).
     */
    BenchLogGenerator(long seed, Instant start, long maxGapMicros) {
        if (maxGapMicros < 1) {
            throw new IllegalArgumentException("maxGapMicros must be 1 or more, not " + maxGapMicros);
        }
        this.random = new Random(seed);
        this.clock = start.truncatedTo(ChronoUnit.MICROS);
        this.maxGapMicros = maxGapMicros;
    }

    /**
     * The largest gap that spreads {@code entries} entries over about {@code span}: the gaps are uniform from
     * 1 to it, so they average half of it (+ 1/2 µs), and N of them add up to the span within a fraction of a per cent
     * for any N in the thousands.
     */
    static long maxGapMicrosFor(long entries, Duration span) {
        if (entries < 1) {
            throw new IllegalArgumentException("entries must be 1 or more");
        }
        long spanMicros = span.toSeconds() * 1_000_000L + span.toNanosPart() / 1_000L;
        return Math.max(1, 2 * spanMicros / entries - 1);
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
            openCases.remove(journey.openCase);
        }
        clock = clock.plusNanos(1_000L * (1 + gap())); // up to maxGapMicros between events
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

    /** 0 to maxGapMicros - 1, uniform; the replay log's draw (nextInt) unchanged for gaps that fit an int. */
    private long gap() {
        return maxGapMicros <= Integer.MAX_VALUE ? random.nextInt((int) maxGapMicros)
                : Math.floorMod(random.nextLong(), maxGapMicros);
    }

    /** The year the log's clock has reached, as a report's reference and a police reference carry it. */
    private int year() {
        return clock.atZone(ZoneOffset.UTC).getYear();
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
        OpenCase openCase;
    }

    /** A case a later report about the same people may join. */
    private record OpenCase(UUID caseId, String reference) {
    }

    /** One report and what follows it: 80 % open a case and run it to its referrals, 20 % join an open case. */
    private Journey newJourney() {
        Journey j = new Journey();
        UUID reportId = uuid();
        String reference = "MASH-" + year() + "-" + String.format("%06d", ++reportNumber);
        boolean police = random.nextInt(4) == 0;
        List<Concern> concerns = concerns();
        List<Subject> subjects = subjects();
        Rag rag = pick(RAGS);
        PoliceReference policeRef = police ? policeReference(rag) : null;
        Agency referringAgency = police ? Agency.POLICE : pick(AGENCIES);
        Channel channel = police ? Channel.POLICE_NOTIFICATION : random.nextBoolean() ? Channel.ONLINE : Channel.PHONE;
        j.steps.add(() -> reportReceived(reportId, reference, referringAgency, channel, concerns, subjects, policeRef, rag));
        if (!openCases.isEmpty() && random.nextInt(5) == 0) {
            OpenCase open = openCases.get(random.nextInt(openCases.size()));
            j.steps.add(() -> event(EventTypes.REPORT_LINKED, "screening", new ReportLinked(open.caseId(), reportId,
                    reference, at(-2), at(0), referringAgency, channel, concerns, subjects, policeRef)));
            if (random.nextBoolean()) {
                j.steps.add(() -> caseRead(open.caseId()));
            }
            return j;
        }
        UUID caseId = uuid();
        j.openCase = new OpenCase(caseId, reference);
        boolean reReferral = random.nextInt(6) == 0;
        j.steps.add(() -> {
            openCases.add(j.openCase);
            return event(EventTypes.CASE_OPENED, "screening", new CaseOpened(caseId, reference, reportId, at(0),
                    at(3 * 86_400), subjects, concerns, rag, reReferral, List.of(), policeRef, at(-2), referringAgency,
                    channel));
        });
        int reads = 2 + random.nextInt(4);
        j.steps.add(() -> caseRead(caseId));
        for (int k = random.nextInt(4); k > 0; k--) { // agency information: 0-3 shares, 1.5 on average
            j.steps.add(() -> {
                Agency agency = pick(AGENCIES);
                return event(EventTypes.AGENCY_INFORMATION_ADDED, "screening", new AgencyInformationAdded(caseId, agency,
                        agency.name().toLowerCase() + "." + person(), at(0),
                        random.nextBoolean() ? LegalBasis.SAFEGUARDING_WITHOUT_CONSENT : LegalBasis.CONSENT,
                        pick(RATIONALES)));
            });
            if (reads > 1 && random.nextBoolean()) {
                j.steps.add(() -> caseRead(caseId));
                reads--;
            }
        }
        String screener = "screener." + person();
        j.steps.add(() -> event(EventTypes.RISK_RATED, "screening", new RiskRated(caseId, rag, pick(RATIONALES), screener,
                Agency.CHILDRENS_SERVICES, at(0))));
        for (int k = reads - 1; k > 0; k--) {
            j.steps.add(() -> caseRead(caseId));
        }
        if (random.nextInt(20) == 0) {
            j.steps.add(() -> event(EventTypes.DECISION_OVERDUE, "screening", new DecisionOverdue(caseId, reference,
                    at(-3600), at(0))));
        }
        UUID decisionId = uuid();
        Outcome outcome = rag == Rag.RED ? pick(RED_OUTCOMES) : pick(Outcome.values());
        // the routes screening gives this decision: its outcome's, for these subjects
        List<Route> routes = List.copyOf(outcome.requiredRoutes(subjects));
        List<PoliceReference> policeRefs = policeRef == null ? List.of() : List.of(policeRef);
        String rationale = pick(RATIONALES) + " " + pick(SUMMARIES);
        String manager = "manager." + person();
        boolean withinTimescale = random.nextInt(10) > 0;
        j.steps.add(() -> event(EventTypes.DECISION_RECORDED, "screening", new DecisionRecorded(caseId, reference,
                decisionId, outcome, routes, rationale, manager, Agency.CHILDRENS_SERVICES, at(0), withinTimescale,
                null, null, rag, concerns, subjects, policeRefs)));
        for (Route queue : routes) {
            UUID referralId = uuid();
            j.steps.add(() -> event(EventTypes.REFERRAL_ROUTED, "routing", new ReferralRouted(referralId, caseId,
                    reference, queue, decisionId, outcome, rag, rationale, at(-3), at(0), concerns, subjects, policeRefs)));
            if (random.nextInt(30) == 0) {
                j.steps.add(() -> event(EventTypes.REFERRAL_ESCALATED, "routing", new ReferralEscalated(referralId, caseId,
                        queue, rag, at(-14_400), Duration.ofHours(4), at(0))));
            }
            Agency team = switch (queue) {
                case POLICE -> Agency.POLICE;
                case ADULTS -> Agency.ADULT_SERVICES;
                case CHILDREN -> Agency.CHILDRENS_SERVICES;
            };
            String acknowledgedBy = queue.name().toLowerCase() + ".duty." + pick(FAMILY).toLowerCase();
            boolean withinLimit = random.nextInt(10) > 0;
            j.steps.add(() -> event(EventTypes.REFERRAL_ACKNOWLEDGED, "routing", new ReferralAcknowledged(referralId,
                    caseId, queue, acknowledgedBy, team, at(0), "Strategy discussion booked; allocated to the duty team.",
                    withinLimit)));
        }
        return j;
    }

    private ReceivedEvent reportReceived(UUID reportId, String reference, Agency agency, Channel channel,
                                         List<Concern> concerns, List<Subject> subjects, PoliceReference policeRef,
                                         Rag rag) {
        boolean police = policeRef != null;
        String[] place = pick(PLACES);
        Actor submittedBy = new Actor(police ? "nwp-ppn-gateway" : "referrer." + person(), agency);
        Referrer referrer = new Referrer(pick(GIVEN) + " " + pick(FAMILY),
                police ? "Response Officer" : "Designated Safeguarding Lead",
                police ? "North Wales Police" : place[0] + " " + agency.name().toLowerCase().replace('_', ' '), agency,
                "01492 " + (100_000 + random.nextInt(900_000)),
                "safeguarding." + place[1].toLowerCase() + "@" + agency.name().toLowerCase() + ".example");
        boolean immediateRisk = rag == Rag.RED;
        Consent consent = random.nextBoolean() ? Consent.GIVEN : Consent.NOT_SOUGHT_RISK;
        return event(EventTypes.REPORT_RECEIVED, "intake", new ReportReceived(reportId, reference, at(0), submittedBy,
                referrer, channel, concerns, pick(SUMMARIES), immediateRisk, LocalDate.ofInstant(clock, ZoneOffset.UTC),
                consent, subjects, immediateRisk ? Rag.RED : null, policeRef));
    }

    private ReceivedEvent caseRead(UUID caseId) {
        boolean screening = random.nextInt(4) > 0;
        return event(EventTypes.CASE_READ, screening ? "screening" : "audit", new CaseRead(caseId,
                (screening ? "screener." : "auditor.") + person(), Agency.CHILDRENS_SERVICES,
                screening ? "screening-service" : "audit-service",
                screening ? "GET /api/v1/cases/{caseId}" : "GET /api/v1/audit/cases/{caseId}/events", at(0)));
    }

    /** The event as audit receives it: the record of its ce_type, as the service that emits it writes it. */
    private ReceivedEvent event(String type, String service, Record data) {
        if (EventTypes.DATA_TYPES.get(type) != data.getClass()) {
            throw new IllegalArgumentException(type + " carries a " + EventTypes.DATA_TYPES.get(type).getSimpleName()
                    + ", not a " + data.getClass().getSimpleName());
        }
        return new ReceivedEvent(uuid().toString(), type, "urn:mash:" + service + "-service", clock,
                ServiceJson.MAPPER.valueToTree(data));
    }

    /** The person at risk first (a child, or one time in five an adult at risk), then a parent and someone alleged. */
    private List<Subject> subjects() {
        String family = pick(FAMILY);
        String[] place = pick(PLACES);
        Address address = new Address((1 + random.nextInt(120)) + " " + pick(STREETS),
                random.nextBoolean() ? "Tŷ Newydd" : null, place[0],
                place[1] + " " + (1 + random.nextInt(9)) + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)));
        int n = 1 + random.nextInt(3);
        List<Subject> subjects = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            SubjectRole role = k == 0 ? (random.nextInt(5) == 0 ? SubjectRole.ADULT_AT_RISK : SubjectRole.CHILD)
                    : k == 1 ? SubjectRole.PARENT_OR_CARER : SubjectRole.ALLEGED_PERPETRATOR;
            String given = pick(GIVEN);
            String familyName = k < 2 ? family : pick(FAMILY);
            boolean known = k < 2;
            // a child up to 15 years old and an adult 26 to 50 when reported, whatever year the log has reached
            LocalDate born = known ? LocalDate.of(k == 0 ? year() - 15 + random.nextInt(15) : year() - 50 + random.nextInt(25),
                    1 + random.nextInt(12), 1 + random.nextInt(28)) : null;
            String nhsNumber = known ? String.valueOf(9_990_000_000L + random.nextInt(10_000_000)) : null;
            subjects.add(new Subject(uuid(), role, given, familyName, born, nhsNumber, known ? address : null));
        }
        return List.copyOf(subjects);
    }

    private List<Concern> concerns() {
        Concern first = pick(CONCERNS);
        if (random.nextBoolean()) {
            Concern second = pick(CONCERNS);
            if (second != first) {
                return List.of(first, second);
            }
        }
        return List.of(first);
    }

    /** A police notification's references; the force grades it HIGH when the report says there is immediate risk. */
    private PoliceReference policeReference(Rag rag) {
        return new PoliceReference("NWP-PPN-" + year() + "-" + String.format("%06d", random.nextInt(1_000_000)),
                "NORTH_WALES_POLICE", "NWP/" + String.format("%02d", year() % 100) + "/" + (100_000 + random.nextInt(900_000)),
                new PoliceOfficer(String.valueOf(1000 + random.nextInt(9000)), "PC " + pick(FAMILY), pick(PLACES)[0]),
                at(-1800), rag == Rag.RED ? PoliceRiskGrade.HIGH : PoliceRiskGrade.MEDIUM);
    }

    /** given.family, as the services' subs are written. */
    private String person() {
        return pick(GIVEN).toLowerCase() + "." + pick(FAMILY).toLowerCase();
    }

    /** The clock plus some seconds, to the second, as the services' instants are in these events. */
    private Instant at(long seconds) {
        return clock.plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
    }

    private UUID uuid() {
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
