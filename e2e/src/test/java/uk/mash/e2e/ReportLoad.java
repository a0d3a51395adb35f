package uk.mash.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Referrers sending reports to intake through outages: a school (a child) and a GP (an adult at
 * risk), each report with its own {@code Idempotency-Key}, sent again with the same key and body
 * after a refused connection, a timeout or a 5xx ({@link RetryingClient}). One report in ten is
 * about someone an earlier report named (it joins that case, or opens a re-referral); one in
 * twenty new children is at immediate risk (RED).
 */
final class ReportLoad {

    /** A person the load made up: a unique, valid NHS number makes each one a distinct person. */
    record Person(boolean child, String givenName, String familyName, String dateOfBirth, String nhsNumber) {
    }

    private static final List<String> GIVEN = List.of("Sam", "Cerys", "Dylan", "Megan", "Osian", "Ffion", "Tomos",
            "Alys", "Gethin", "Seren", "Rhys", "Lowri", "Iwan", "Nia", "Owen", "Elin");
    private static final List<String> FAMILY = List.of("Evans", "Jones", "Williams", "Hughes", "Roberts", "Davies",
            "Pritchard", "Owen", "Griffiths", "Parry", "Lloyd", "Morgan", "Thomas", "Price");

    static final String PROBE_FAMILY = "Prawf";

    private final RetryingClient client;
    /** Where each attempt goes: intake, or one of its replicas in turn ({@link Replicas}). */
    private final Supplier<String> intakeUrl;
    private final Supplier<String> schoolToken;
    private final Supplier<String> gpToken;
    private final Random random = new Random(20261123);
    private final List<Person> people = new ArrayList<>();
    private int nextNhs = 0;

    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();
    private final AtomicInteger extraAttempts = new AtomicInteger();
    private final AtomicInteger repeatedAnswers = new AtomicInteger();
    /** reportId of every accepted report (202, or 200 for the first answer given again). */
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Set<String> probes = ConcurrentHashMap.newKeySet();
    /** The accepted reports sent by the GP (the others by the school). */
    private final Set<String> fromGp = ConcurrentHashMap.newKeySet();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<String>> pending = new CopyOnWriteArrayList<>();

    ReportLoad(RetryingClient client, String intakeUrl, Supplier<String> schoolToken, Supplier<String> gpToken) {
        this(client, () -> intakeUrl, schoolToken, gpToken);
    }

    /**
     * Each attempt sent to the intake {@code intakeUrl} gives then, as a load balancer would: a
     * retry (same key, same body) may reach another replica than the attempt before it.
     */
    ReportLoad(RetryingClient client, Supplier<String> intakeUrl, Supplier<String> schoolToken, Supplier<String> gpToken) {
        this.client = client;
        this.intakeUrl = intakeUrl;
        this.schoolToken = schoolToken;
        this.gpToken = gpToken;
    }

    /**
     * Sends the load at {@code rate} reports a second on a daemon thread of its own, until {@code stop}
     * is true of the number this thread has sent. Fallen more than a second behind, it goes on at the
     * rate from now rather than sending the missed reports in a burst.
     */
    Thread sendAtRate(double rate, IntPredicate stop, String threadName) {
        Thread loader = new Thread(() -> {
            long interval = (long) (1_000_000_000L / rate);
            long next = System.nanoTime();
            int count = 0;
            while (!stop.test(count)) {
                next();
                count++;
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else if (wait < -1_000_000_000L) {
                    next = System.nanoTime();
                }
            }
        }, threadName);
        loader.setDaemon(true);
        loader.start();
        return loader;
    }

    /** Sends the next report of the load; the future has its reportId once accepted (null if never). */
    CompletableFuture<String> next() {
        Person person;
        boolean repeat;
        boolean red;
        synchronized (this) {
            repeat = !people.isEmpty() && random.nextInt(10) == 0;
            person = repeat ? people.get(random.nextInt(people.size())) : newPerson(random.nextInt(10) < 7);
            red = !repeat && person.child() && random.nextInt(20) == 0;
        }
        return send(person, red, false);
    }

    /**
     * A report about a new child that the fault schedule follows through the whole pipeline; its
     * family name is {@link #PROBE_FAMILY}, so the screener knows the case (and routes it) before
     * intake's answer has come back.
     */
    CompletableFuture<String> probe() {
        Person person;
        synchronized (this) {
            // not among the people later reports may name again
            person = new Person(true, "Sam", PROBE_FAMILY,
                    LocalDate.now(java.time.ZoneOffset.UTC).minusYears(9).toString(), nhsNumber());
        }
        return send(person, false, true);
    }

    private CompletableFuture<String> send(Person person, boolean red, boolean probe) {
        int n = sent.incrementAndGet();
        String key = "fault-test-" + n + "-" + UUID.randomUUID();
        String body = body(person, red, n);
        String token = person.child() ? schoolToken.get() : gpToken.get();
        CompletableFuture<String> reportId = client.send(() -> HttpRequest.newBuilder(URI.create(intakeUrl.get() + "/api/v1/reports"))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)), Instant.now().plus(Duration.ofMinutes(10)))
                .thenApply(outcome -> {
                    if (outcome.attempts() > 1) {
                        retried.incrementAndGet();
                        extraAttempts.addAndGet(outcome.attempts() - 1);
                    }
                    if (outcome.status() == 202 || outcome.status() == 200) {
                        String id;
                        try {
                            id = Api.JSON.readTree(outcome.body()).path("reportId").asText();
                        } catch (Exception e) {
                            refused.add("unreadable answer " + outcome);
                            return null;
                        }
                        if (outcome.status() == 200) {
                            repeatedAnswers.incrementAndGet(); // an attempt whose answer was lost had stored it
                        }
                        accepted.add(id);
                        if (!person.child()) {
                            fromGp.add(id);
                        }
                        if (probe) {
                            probes.add(id);
                        }
                        return id;
                    }
                    refused.add(outcome.toString());
                    return null;
                });
        pending.add(reportId);
        return reportId;
    }

    private Person newPerson(boolean child) {
        int k = people.size();
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        LocalDate dob = child ? today.minusYears(16).plusDays((k * 37L) % 5000)
                : today.minusYears(90).plusDays((k * 53L) % 12000);
        Person p = new Person(child, GIVEN.get(random.nextInt(GIVEN.size())), FAMILY.get(random.nextInt(FAMILY.size())),
                dob.toString(), nhsNumber());
        people.add(p);
        return p;
    }

    /** The next valid NHS number (modulus 11) of this run's own series. */
    private String nhsNumber() {
        while (true) {
            String nine = Integer.toString(400_000_000 + nextNhs++);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return nine + check;
            }
        }
    }

    private static String body(Person p, boolean red, int n) {
        Map<String, Object> report = new LinkedHashMap<>();
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("role", p.child() ? "CHILD" : "ADULT_AT_RISK");
        subject.put("givenName", p.givenName());
        subject.put("familyName", p.familyName());
        subject.put("dateOfBirth", p.dateOfBirth());
        subject.put("nhsNumber", p.nhsNumber());
        if (p.child()) {
            report.put("referrer", Map.of("name", "Jane Jones", "role", "Designated Safeguarding Lead",
                    "organisation", "Ysgol Aberconwy", "agency", "EDUCATION"));
            report.put("channel", "ONLINE");
            report.put("concerns", List.of("NEGLECT"));
            report.put("summary", "Report " + n + ": often arrives hungry and tired; says there is shouting at home.");
            report.put("consent", "GIVEN");
            report.put("immediateRisk", red);
            report.put("subjects", List.of(subject, Map.of("role", "PARENT_OR_CARER", "givenName", "Rhian",
                    "familyName", p.familyName())));
        } else {
            report.put("referrer", Map.of("name", "Dr Eleri Williams", "organisation", "Meddygfa Bethesda",
                    "agency", "HEALTH"));
            report.put("channel", "PHONE");
            report.put("concerns", List.of("FINANCIAL_ABUSE", "NEGLECT"));
            report.put("summary", "Report " + n + ": a relative collects the pension; weight lost, the house is cold.");
            report.put("consent", "GIVEN");
            report.put("subjects", List.of(subject));
        }
        try {
            return Api.JSON.writeValueAsString(report);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    int sent() {
        return sent.get();
    }

    /** Reports sent more than once (same key, same body). */
    int retried() {
        return retried.get();
    }

    int extraAttempts() {
        return extraAttempts.get();
    }

    /** Retries answered 200: an earlier attempt had been stored though its answer never came. */
    int repeatedAnswers() {
        return repeatedAnswers.get();
    }

    Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    Set<String> probes() {
        return Set.copyOf(probes);
    }

    /** A token of the referrer who sent the report (a referrer may read only its own reports). */
    String tokenOfSender(String reportId) {
        return fromGp.contains(reportId) ? gpToken.get() : schoolToken.get();
    }

    List<String> refused() {
        return List.copyOf(refused);
    }

    /** Sent reports still being retried. */
    long unanswered() {
        return pending.stream().filter(f -> !f.isDone()).count();
    }
}
