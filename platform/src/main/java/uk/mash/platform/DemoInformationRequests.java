package uk.mash.platform;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The demo's multi-agency checks: the screener asks other agencies what they know about some of
 * the day's cases (justifying sharing without consent where the family's consent is not GIVEN),
 * and each agency's own screener answers from its records; one declines; the slowest answer late.
 *
 * <p>A late answer needs real time past the request's {@code dueBy}, which screening sets from the
 * case's rating (MASH_INFO_DUE_RED, _AMBER, _GREEN; hours by default). So the requests meant to be
 * answered late are those due soonest: where that is under {@link #WAIT_AT_MOST} away, the demo
 * waits past it and answers; otherwise they are left open, to go overdue at their {@code dueBy}.
 */
final class DemoInformationRequests {

    /** The longest the demo waits for a due time to pass so that an agency can answer late. */
    static final Duration WAIT_AT_MOST = Duration.ofSeconds(90);

    private static final String SCREENER_AGENCY = "CHILDRENS_SERVICES";
    private static final String SCREENER = "sw.owen";

    /** The agencies asked, each with its screener and what its records say (no one's personal data). */
    private static final Map<String, String[]> AGENCIES = new LinkedHashMap<>();

    static {
        AGENCIES.put("HEALTH", new String[] {"hv.roberts",
            "GP and health visiting records: registered with the practice; two missed appointments this year; no hospital attendances."});
        AGENCIES.put("EDUCATION", new String[] {"dsl.morgan",
            "Attendance below 85% this term; one earlier concern logged by the school and shared with its safeguarding lead."});
        AGENCIES.put("POLICE", new String[] {"mash.pc.davies",
            "Two domestic incidents recorded at the address in the last year; no arrests; no warning markers."});
        AGENCIES.put("HOUSING", new String[] {"housing.price",
            "Council tenancy in rent arrears; a neighbour's complaint about noise last month."});
        AGENCIES.put("PROBATION", new String[] {"probation.lloyd",
            "Nothing known: no one at the address is supervised by the probation service."});
        AGENCIES.put("MENTAL_HEALTH", new String[] {"cmht.rees",
            "Nothing known to the community mental health team."});
    }

    /** One request as the screener made it. */
    private record Asked(String caseId, String requestId, String agency, Instant dueBy, boolean consentGiven) {
    }

    /** What happened, for the demo's summary. */
    record Summary(int cases, int requests, int agencies, int withoutConsent, int answered, int answeredLate,
                   int declined, List<Instant> leftOpenDue) {
    }

    private final DemoClient client;
    private final Random random;

    DemoInformationRequests(DemoClient client, Random random) {
        this.client = client;
        this.random = random;
    }

    Summary run(String screening, List<String> caseIds, PrintStream out) throws Exception {
        List<String> cases = new ArrayList<>(caseIds);
        Collections.shuffle(cases, random);
        cases = cases.subList(0, Math.min(6, cases.size()));

        // 1. the screener asks one to three agencies about each case
        List<Asked> asked = new ArrayList<>();
        int withoutConsent = 0;
        for (String caseId : cases) {
            String url = screening + "/api/v1/cases/" + caseId;
            Map<String, Object> view = client.get(url, "screener", SCREENER_AGENCY, SCREENER);
            Set<String> alreadyOpen = new TreeSet<>();
            for (Map<String, Object> r : list(view.get("informationRequests"))) {
                if ("OPEN".equals(r.get("status"))) {
                    alreadyOpen.add((String) r.get("agency")); // one open request per agency (a demo run before)
                }
            }
            List<String> agencies = new ArrayList<>(AGENCIES.keySet());
            agencies.removeAll(alreadyOpen);
            Collections.shuffle(agencies, random);
            agencies = agencies.subList(0, Math.min(1 + random.nextInt(3), agencies.size()));
            if (agencies.isEmpty()) {
                continue;
            }
            boolean consentGiven = "GIVEN".equals(view.get("consent"));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("agencies", agencies);
            body.put("question", "What does your agency know of this family: contact, concerns and risks?");
            if (!consentGiven) {
                body.put("consentOverride", "Seeking consent could put the child or adult at further risk;"
                        + " sharing is necessary to judge whether they are at risk of significant harm.");
                withoutConsent += agencies.size();
            }
            Map<String, Object> after = client.post(url + "/information-requests", "screener", SCREENER_AGENCY, SCREENER, body);
            for (Map<String, Object> r : list(after.get("informationRequests"))) {
                if ("OPEN".equals(r.get("status")) && agencies.contains((String) r.get("agency"))) {
                    asked.add(new Asked(caseId, (String) r.get("requestId"), (String) r.get("agency"),
                            Instant.parse((String) r.get("dueBy")), consentGiven));
                }
            }
        }
        Set<String> agenciesAsked = new TreeSet<>();
        asked.forEach(a -> agenciesAsked.add(a.agency()));
        out.printf("  the screener sent %d information requests to %d agencies about %d cases%n", asked.size(),
                agenciesAsked.size(), cases.size());

        // 2. the agencies answer: those due soonest are the slow ones; one request is declined
        List<Asked> byDue = new ArrayList<>(asked);
        byDue.sort(Comparator.comparing(Asked::dueBy));
        int slow = asked.isEmpty() ? 0 : Math.max(1, asked.size() / 4);
        List<Asked> late = new ArrayList<>(byDue.subList(0, slow));
        List<Asked> rest = new ArrayList<>(byDue.subList(slow, byDue.size()));
        Asked declined = rest.isEmpty() ? null : rest.remove(random.nextInt(rest.size()));
        int answered = 0;
        int answeredLate = 0;
        for (Asked a : rest) {
            answeredLate += answer(screening, a) ? 1 : 0;
            answered++;
        }
        if (declined != null) {
            client.post(requestUrl(screening, declined) + "/decline", "screener", declined.agency(),
                    AGENCIES.get(declined.agency())[0], Map.of("reason",
                            "The family is not known here; their records are held by the neighbouring authority, asked directly."));
        }

        // 3. the late ones: answered once their due time has passed, if that is soon; else left open
        Instant now = Instant.now();
        List<Asked> soon = late.stream().filter(a -> a.dueBy().isBefore(now.plus(WAIT_AT_MOST))).toList();
        List<Instant> leftOpen = late.stream().filter(a -> !soon.contains(a)).map(Asked::dueBy).sorted().toList();
        if (!soon.isEmpty()) {
            Instant passed = soon.stream().map(Asked::dueBy).max(Comparator.naturalOrder()).orElseThrow().plusSeconds(2);
            Duration wait = Duration.between(Instant.now(), passed);
            if (!wait.isNegative()) {
                out.printf("  waiting %d s for %d requests to pass their due time, to answer them late%n",
                        wait.toSeconds() + 1, soon.size());
                Thread.sleep(wait.toMillis());
            }
            for (Asked a : soon) {
                answeredLate += answer(screening, a) ? 1 : 0;
                answered++;
            }
        }
        return new Summary(cases.size(), asked.size(), agenciesAsked.size(), withoutConsent, answered, answeredLate,
                declined == null ? 0 : 1, leftOpen);
    }

    /** The agency's own screener answers; whether the answer came after the request's due time. */
    private boolean answer(String screening, Asked a) throws Exception {
        String[] agency = AGENCIES.get(a.agency());
        Map<String, Object> after = client.post(requestUrl(screening, a) + "/answer", "screener", a.agency(), agency[0],
                Map.of("summary", agency[1], "legalBasis", a.consentGiven() ? "CONSENT" : "SAFEGUARDING_WITHOUT_CONSENT"));
        for (Map<String, Object> r : list(after.get("informationRequests"))) {
            if (a.requestId().equals(r.get("requestId"))) {
                // late by the due time in force when it was answered (a re-rating may have moved it)
                return Instant.parse((String) r.get("answeredAt")).isAfter(Instant.parse((String) r.get("dueBy")));
            }
        }
        return false;
    }

    private static String requestUrl(String screening, Asked a) {
        return screening + "/api/v1/cases/" + a.caseId() + "/information-requests/" + a.requestId();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
