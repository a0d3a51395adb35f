package uk.mash.platform;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * A working day at the front door, through the running stack's public APIs only: reports from
 * schools, health visitors, housing, the public; police notifications (some about children already
 * reported, some sent twice); a scripted screener who shares, rates and decides; receiving teams
 * who acknowledge; a few re-referrals; other agencies asked what they know about some cases, their
 * screeners answering (one declining, the slowest late: {@link DemoInformationRequests}). The people are generated, not real: Welsh and English names
 * and places, plausible ages.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "A working day (about 80 reports and police notifications, a scripted screener,"
                + " acknowledgements, information requests to other agencies) through the running stack (started first if it is not up), then a summary.")
final class DemoCommand implements Callable<Integer> {

    private static final String[] CHILD_NAMES = {"Osian", "Cai", "Nia", "Lowri", "Ffion", "Tomos", "Elis", "Mali",
        "Gethin", "Seren", "Alaw", "Ifan", "Megan", "Harri", "Ella", "Jack", "Olivia", "Noah", "Amelia", "Leo", "Isla",
        "Freddie", "Poppy", "Alfie"};
    private static final String[] ADULT_NAMES = {"Rhian", "Gareth", "Sian", "Dylan", "Catrin", "Rhys", "Bethan",
        "Emma", "James", "Sarah", "David", "Claire", "Mark", "Helen", "Glenys", "Dilys", "Islwyn", "Margaret"};
    private static final String[] FAMILY_NAMES = {"Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts",
        "Hughes", "Lewis", "Morgan", "Griffiths", "Price", "Pritchard", "Parry", "Lloyd", "Owen", "Smith", "Taylor",
        "Brown", "Wilson", "Walker", "Wright", "Edwards", "Rees", "Jenkins", "Powell", "Vaughan", "Bowen", "Pugh"};
    private static final String[][] PLACES = {{"Conwy", "LL32 8DU"}, {"Llandudno", "LL30 2XU"},
        {"Colwyn Bay", "LL29 8HH"}, {"Abergele", "LL22 7DD"}, {"Rhyl", "LL18 1RT"}, {"Bangor", "LL57 1YT"},
        {"Llanrwst", "LL26 0HH"}, {"Wrexham", "LL11 1AY"}, {"Chester", "CH1 2HJ"}, {"Shrewsbury", "SY1 1QH"}};
    private static final String[] STREETS = {"High Street", "Heol y Coed", "Ffordd Las", "Station Road",
        "Church Walk", "Maes y Dref", "Bryn Road", "Marine Drive"};
    private static final String[][] REFERRERS = {{"EDUCATION", "Designated Safeguarding Lead", "Ysgol Aberconwy"},
        {"EDUCATION", "Head of Year", "Ysgol Emrys ap Iwan"}, {"HEALTH", "Health Visitor", "Betsi Cadwaladr UHB"},
        {"HEALTH", "GP", "Meddygfa Bodreinallt"}, {"HOUSING", "Housing Officer", "Cartrefi Conwy"},
        {"PUBLIC", null, null}, {"VOLUNTARY_SECTOR", "Family Support Worker", "Barnardo's Cymru"},
        {"PROBATION", "Probation Officer", "Probation Service Wales"}};
    private static final String[] CHILD_CONCERNS = {"NEGLECT", "EMOTIONAL_ABUSE", "PHYSICAL_ABUSE", "DOMESTIC_ABUSE",
        "CHILD_EXPLOITATION", "MISSING", "SELF_HARM", "SEXUAL_ABUSE"};
    private static final String[] ADULT_CONCERNS = {"FINANCIAL_ABUSE", "NEGLECT", "PHYSICAL_ABUSE", "DOMESTIC_ABUSE",
        "SELF_HARM"};

    /** A family the day's reports are about. */
    private record Family(String familyName, String town, String postcode, String street, List<Map<String, Object>> children,
                          Map<String, Object> parent, Map<String, Object> adultAtRisk) {
    }

    private DemoClient client;
    private Random random;
    /** The cases the scripted screener decided in this run (the agencies are asked about some of them). */
    private final List<String> decided = new ArrayList<>();

    @ParentCommand
    Mash mash;

    @Option(names = "--reports", paramLabel = "N", defaultValue = "80", description = "reports to send (default: ${DEFAULT-VALUE})")
    int reports;

    @Option(names = "--seed", paramLabel = "S", description = "the random seed (the same day again)")
    Integer seed;

    @Override
    public Integer call() throws Exception {
        LocalStack stack = mash.stack();
        // a working day through the running stack: start it first if it is not up (up is idempotent)
        stack.up();
        Console console = stack.console();
        console.say("");
        console.say(console.bold("A working day through the stack") + " (reports, police notifications, screening, queues, audit)");
        return day(stack.home().privateKey(), stack.url(ServiceCatalog.INTAKE), stack.url(ServiceCatalog.SCREENING),
                stack.url(ServiceCatalog.ROUTING), stack.url(ServiceCatalog.AUDIT), console.out());
    }

    int day(Path keyFile, String intake, String screening, String routing, String audit, PrintStream out) throws Exception {
        client = new DemoClient(Pem.readPrivateKey(keyFile));
        random = new Random(seed != null ? seed : (int) (System.nanoTime() & 0x7fffffff));

        // 1. the day's reports and police notifications
        List<Family> families = new ArrayList<>();
        List<String> reportIds = new ArrayList<>();
        int police = 0;
        int repeats = 0;
        for (int i = 0; i < reports; i++) {
            boolean aboutKnownFamily = !families.isEmpty() && random.nextInt(10) == 0;
            Family family = aboutKnownFamily ? families.get(random.nextInt(families.size())) : newFamily();
            if (!aboutKnownFamily) {
                families.add(family);
            }
            if (random.nextInt(5) == 0 || aboutKnownFamily) {
                Map<String, Object> notification = policeNotification(family);
                int times = random.nextInt(12) == 0 ? 2 : 1; // police systems retry
                for (int t = 0; t < times; t++) {
                    Map<String, Object> answer = post(intake + "/api/v1/police/notifications", "police-system", "POLICE",
                            "nwp-niche", notification);
                    if (t == 0) {
                        reportIds.add((String) answer.get("reportId"));
                    }
                }
                repeats += times - 1;
                police++;
            } else {
                String[] referrer = REFERRERS[random.nextInt(REFERRERS.length)];
                Map<String, Object> answer = post(intake + "/api/v1/reports", "referrer", referrer[0],
                        referrer[0].toLowerCase() + ".referrer", report(family, referrer));
                reportIds.add((String) answer.get("reportId"));
            }
            if ((i + 1) % 10 == 0) {
                out.printf("  sent %d of %d reports (%d police notifications, %d sent twice)%n", i + 1, reports, police,
                        repeats);
            }
        }

        // 2. wait until screening has every report in a case (the referrer's feedback says so)
        waitUntilScreened(intake, reportIds, out);

        // 3. the screener works through the cases awaiting a decision
        Map<String, Integer> outcomes = screen(screening, out);

        // 4. a few re-referrals: new reports about children whose cases were decided today
        int reReferrals = Math.min(4, families.size());
        List<String> again = new ArrayList<>();
        for (int i = 0; i < reReferrals; i++) {
            String[] referrer = REFERRERS[random.nextInt(3)];
            again.add((String) post(intake + "/api/v1/reports", "referrer", referrer[0], "dsl.again",
                    report(families.get(i), referrer)).get("reportId"));
        }
        waitUntilScreened(intake, again, out);
        screen(screening, out).forEach((k, v) -> outcomes.merge(k, v, Integer::sum));

        // 5. the receiving teams acknowledge most of what reached their queues
        Map<String, String> queued = new LinkedHashMap<>();
        Thread.sleep(2_000); // routing follows the decisions through Kafka
        for (String queue : List.of("children", "adults", "police")) {
            List<Map<String, Object>> pending = items(get(routing + "/api/v1/queues/" + queue
                    + "/referrals?status=PENDING&size=500", "queue-" + queue, null, queue + ".team"));
            int acknowledged = 0;
            for (Map<String, Object> referral : pending) {
                if (random.nextInt(10) < 8) {
                    post(routing + "/api/v1/queues/" + queue + "/referrals/" + referral.get("referralId")
                            + "/acknowledgement", "queue-" + queue, null, queue + ".team",
                            Map.of("note", "Taken into our case system"));
                    acknowledged++;
                }
            }
            queued.put(queue, pending.size() + " pending, " + acknowledged + " acknowledged now");
        }

        // 6. the multi-agency checks: other agencies asked about some of the day's cases, and answering
        DemoInformationRequests.Summary asked = new DemoInformationRequests(client, random).run(screening, decided, out);

        // 7. the summary
        Map<String, Object> cases = get(screening + "/api/v1/cases?size=1", "manager", "CHILDRENS_SERVICES", "demo.manager");
        Thread.sleep(2_000); // audit follows every topic
        Map<String, Object> integrity = get(audit + "/api/v1/audit/integrity", "auditor", "OTHER", "demo.auditor");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Map<String, Object> card = get(audit + "/api/v1/performance?from=" + today + "&to=" + today, "manager",
                "CHILDRENS_SERVICES", "demo.manager");
        out.println();
        out.println("A day at the front door");
        out.printf("  reports sent          %d (%d police notifications, %d repeats sent, %d re-referral reports)%n",
                reportIds.size() + again.size(), police, repeats, again.size());
        out.printf("  cases in screening    %s%n", cases.get("total"));
        out.printf("  decisions by outcome  %s%n", new TreeMap<>(outcomes));
        out.printf("  referrals per queue   %s%n", queued);
        out.printf("  information requests  %d to %d agencies about %d cases (%d without consent, the override recorded)%n",
                asked.requests(), asked.agencies(), asked.cases(), asked.withoutConsent());
        out.printf("  their answers         %d answered (%d late), %d declined, %d left open%n", asked.answered(),
                asked.answeredLate(), asked.declined(), asked.leftOpenDue().size());
        if (!asked.leftOpenDue().isEmpty()) {
            out.printf("                        overdue from %s unless answered (answers are due by the case's RAG:"
                    + " MASH_INFO_DUE_RED, _AMBER, _GREEN)%n", asked.leftOpenDue().get(0));
            if (asked.answeredLate() == 0) {
                out.println("                        to see answers come late here, shorten the limits:"
                        + " MASH_INFO_DUE_RED=PT30S MASH_INFO_DUE_AMBER=PT45S ./mash restart screening"
                        + " (or ./mash down, then MASH_INFO_DUE_RED=PT30S ./mash up), and ./mash demo again");
            }
        }
        printInformationSharing(card.get("informationSharing"), out);
        out.printf("  audit log             %s entries, integrity %s%n", integrity.get("entries"),
                Boolean.TRUE.equals(integrity.get("verified")) ? "verified" : "BROKEN at " + integrity.get("firstBrokenSequence"));
        return Boolean.TRUE.equals(integrity.get("verified")) ? 0 : 1;
    }

    /** The report card's information sharing figures for today, as audit counts them (figures only). */
    private static void printInformationSharing(Object figures, PrintStream out) {
        if (!(figures instanceof Map<?, ?> sharing)) {
            out.println("  information sharing   (not in audit's report card)");
            return;
        }
        out.printf("  information sharing   %s requests: %s answered, %s declined, %s open; %s answered by their due time"
                + " (report card, today)%n", sharing.get("requests"), sharing.get("answered"), sharing.get("declined"),
                sharing.get("open"), share(sharing.get("answeredByDueBy")));
        if (sharing.get("byRag") instanceof Map<?, ?> byRag) {
            List<String> rags = new ArrayList<>();
            byRag.forEach((rag, f) -> rags.add(rag + " " + share(((Map<?, ?>) f).get("answeredByDueBy"))));
            out.printf("    by due time, by RAG  %s%n", String.join(", ", rags));
        }
        if (sharing.get("byAgency") instanceof Map<?, ?> byAgency) {
            byAgency.forEach((agency, f) -> {
                Map<?, ?> a = (Map<?, ?>) f;
                out.printf("    %-19s %s asked, %s answered, %s declined; response median %s, 90th percentile %s%n", agency,
                        a.get("requests"), a.get("answered"), a.get("declined"), a.get("medianResponse"), a.get("p90Response"));
            });
        }
    }

    /** A report card share as "8 of 12 (66.7%)". */
    private static String share(Object value) {
        if (!(value instanceof Map<?, ?> s)) {
            return String.valueOf(value);
        }
        Object share = s.get("share");
        return s.get("count") + " of " + s.get("of")
                + (share instanceof Number n ? String.format(" (%.1f%%)", n.doubleValue() * 100) : "");
    }

    private Family newFamily() {
        String familyName = pick(FAMILY_NAMES);
        String[] place = PLACES[random.nextInt(PLACES.length)];
        String street = (1 + random.nextInt(80)) + " " + pick(STREETS);
        List<Map<String, Object>> children = new ArrayList<>();
        int count = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(3);
        for (int c = 0; c < count; c++) {
            children.add(person("CHILD", pick(CHILD_NAMES), familyName, LocalDate.now().minusYears(1 + random.nextInt(16))
                    .minusDays(random.nextInt(365)), street, place));
        }
        Map<String, Object> parent = person("PARENT_OR_CARER", pick(ADULT_NAMES), familyName,
                LocalDate.now().minusYears(22 + random.nextInt(25)).minusDays(random.nextInt(365)), street, place);
        Map<String, Object> adult = children.isEmpty()
                ? person("ADULT_AT_RISK", pick(ADULT_NAMES), familyName,
                        LocalDate.now().minusYears(68 + random.nextInt(25)).minusDays(random.nextInt(365)), street, place)
                : null;
        return new Family(familyName, place[0], place[1], street, children, parent, adult);
    }

    private Map<String, Object> person(String role, String given, String family, LocalDate dob, String street,
                                       String[] place) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("role", role);
        p.put("givenName", given);
        p.put("familyName", family);
        p.put("dateOfBirth", dob.toString());
        p.put("address", Map.of("line1", street, "town", place[0], "postcode", place[1]));
        return p;
    }

    private Map<String, Object> report(Family family, String[] referrer) {
        Map<String, Object> r = new LinkedHashMap<>();
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("agency", referrer[0]);
        if (referrer[1] != null) {
            who.put("name", pick(ADULT_NAMES) + " " + pick(FAMILY_NAMES));
            who.put("role", referrer[1]);
            who.put("organisation", referrer[2]);
        }
        r.put("referrer", who);
        r.put("channel", referrer[1] == null ? "PHONE" : random.nextBoolean() ? "ONLINE" : "EMAIL");
        boolean adult = family.adultAtRisk() != null;
        r.put("concerns", List.of(pick(adult ? ADULT_CONCERNS : CHILD_CONCERNS)));
        r.put("summary", adult ? "Neighbours report that the person has not been seen collecting shopping and a relative"
                + " manages the bank card; unpaid bills at the door." : "Concerns raised about the children's care at home:"
                + " arriving hungry, unexplained absences, and worries shared with staff.");
        r.put("immediateRisk", random.nextInt(15) == 0);
        r.put("consent", pick(new String[] {"GIVEN", "NOT_SOUGHT_RISK", "REFUSED", "NOT_SOUGHT"}));
        List<Map<String, Object>> subjects = new ArrayList<>(adult ? List.of(family.adultAtRisk()) : family.children());
        if (!adult) {
            subjects.add(family.parent());
        }
        r.put("subjects", subjects);
        return r;
    }

    private Map<String, Object> policeNotification(Family family) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("notificationId", "NWP-PPN-" + LocalDate.now().getYear() + "-" + UUID.randomUUID().toString().substring(0, 8));
        n.put("force", "NORTH_WALES_POLICE");
        n.put("occurrenceNumber", "NWP/" + (LocalDate.now().getYear() % 100) + "/" + (100_000 + random.nextInt(900_000)));
        n.put("officer", Map.of("collarNumber", String.valueOf(1000 + random.nextInt(8000)),
                "name", "PC " + pick(FAMILY_NAMES), "station", family.town()));
        n.put("incidentAt", Instant.now().minusSeconds(600 + random.nextInt(20_000)).toString());
        n.put("riskGrade", pick(new String[] {"HIGH", "MEDIUM", "MEDIUM", "LOW"}));
        n.put("concerns", List.of("DOMESTIC_ABUSE"));
        n.put("summary", "Officers attended a domestic incident at the family home; verbal argument, neighbours called.");
        List<Map<String, Object>> persons = new ArrayList<>();
        if (family.adultAtRisk() != null) {
            persons.add(involved("ADULT_AT_RISK", family.adultAtRisk()));
        } else {
            persons.add(involved("VICTIM", family.parent()));
            family.children().forEach(c -> persons.add(involved("CHILD_PRESENT", c)));
        }
        persons.add(Map.of("involvement", "SUSPECT", "givenName", pick(ADULT_NAMES), "familyName", pick(FAMILY_NAMES)));
        n.put("persons", persons);
        return n;
    }

    private static Map<String, Object> involved(String involvement, Map<String, Object> subject) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("involvement", involvement);
        p.put("givenName", subject.get("givenName"));
        p.put("familyName", subject.get("familyName"));
        p.put("dateOfBirth", subject.get("dateOfBirth"));
        return p;
    }

    private void waitUntilScreened(String intake, List<String> reportIds, PrintStream out) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        for (String id : reportIds) {
            while (!"SCREENING".equals(status(intake, id)) && !"DECIDED".equals(status(intake, id))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("report " + id + " was not screened within 2 minutes");
                }
                Thread.sleep(200);
            }
        }
        out.printf("  screening has all %d reports in cases%n", reportIds.size());
    }

    private String status(String intake, String reportId) throws Exception {
        return (String) get(intake + "/api/v1/reports/" + reportId, "screener", "CHILDRENS_SERVICES", "demo.screener")
                .get("status");
    }

    /** The scripted screener: shares, rates and decides every case awaiting a decision. */
    private Map<String, Integer> screen(String screening, PrintStream out) throws Exception {
        Map<String, Integer> outcomes = new HashMap<>();
        List<Map<String, Object>> awaiting = items(get(screening + "/api/v1/cases?status=AWAITING_DECISION&size=500",
                "screener", "CHILDRENS_SERVICES", "sw.owen"));
        for (Map<String, Object> c : awaiting) {
            String url = screening + "/api/v1/cases/" + c.get("caseId");
            if (random.nextInt(3) == 0) {
                post(url + "/agency-information", "screener", "HEALTH", "hv.roberts", Map.of("legalBasis",
                        "SAFEGUARDING_WITHOUT_CONSENT", "summary", "Health visiting: missed appointments this year."));
            }
            String rag = "RED".equals(c.get("rag")) ? "RED" : pick(new String[] {"RED", "AMBER", "AMBER", "GREEN", "GREEN"});
            if (!rag.equals(c.get("rag"))) {
                post(url + "/risk-rating", "screener", "CHILDRENS_SERVICES", "sw.owen",
                        Map.of("rag", rag, "rationale", "Rated on the information shared so far."));
            }
            boolean child = ((List<?>) c.get("subjects")).stream()
                    .anyMatch(s -> "CHILD".equals(((Map<?, ?>) s).get("role")));
            String outcome = outcome(child, rag);
            post(url + "/decision", "screener", "CHILDRENS_SERVICES", "sw.owen",
                    Map.of("outcome", outcome, "rationale", "Decision after multi-agency screening."));
            outcomes.merge(outcome, 1, Integer::sum);
            decided.add((String) c.get("caseId"));
        }
        out.printf("  the screener decided %d cases%n", awaiting.size());
        return outcomes;
    }

    private String outcome(boolean child, String rag) {
        if (child) {
            return "RED".equals(rag) ? pick(new String[] {"CHILD_PROTECTION_STRATEGY", "CARE_AND_SUPPORT_ASSESSMENT"})
                    : pick(new String[] {"EARLY_HELP", "EARLY_HELP", "INFORMATION_AND_ADVICE", "NO_FURTHER_ACTION",
                        "CARE_AND_SUPPORT_ASSESSMENT", "POLICE_INVESTIGATION"});
        }
        return "RED".equals(rag) ? "ADULT_SAFEGUARDING_ENQUIRY"
                : pick(new String[] {"ADULT_SAFEGUARDING_ENQUIRY", "CARE_AND_SUPPORT_ASSESSMENT", "INFORMATION_AND_ADVICE"});
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private Map<String, Object> get(String url, String role, String agency, String sub) throws Exception {
        return client.get(url, role, agency, sub);
    }

    private Map<String, Object> post(String url, String role, String agency, String sub, Map<String, Object> body)
            throws Exception {
        return client.post(url, role, agency, sub, body);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
