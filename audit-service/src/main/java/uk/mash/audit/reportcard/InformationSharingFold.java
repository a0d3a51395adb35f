package uk.mash.audit.reportcard;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import uk.mash.audit.log.AuditEntry;
import uk.mash.audit.log.UnstorableRecord;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Rag;
import uk.mash.contracts.events.InformationRequestAnswered;
import uk.mash.contracts.events.InformationRequestDeclined;
import uk.mash.contracts.events.InformationRequested;
import uk.mash.contracts.events.RiskRated;

/**
 * Computes the report card's {@link InformationSharing} from log entries alone: the requests whose
 * {@code requestedAt} falls in the period, and what the log says became of them (answered, declined,
 * re-timed by a rating). Pure: it is given the entries; which entries it needs is {@link #casesAsked} and
 * {@link #OUTCOME_TYPES} (read only for those cases, so the cost follows the period, not the log).
 */
public final class InformationSharingFold {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(InformationSharingFold.class);

    /** What can become of a request after it is asked: read for the cases asked in the period only. */
    public static final List<String> OUTCOME_TYPES = List.of(EventTypes.INFORMATION_REQUEST_ANSWERED,
            EventTypes.INFORMATION_REQUEST_DECLINED, EventTypes.RISK_RATED);

    /** The order byRag shows, most urgent first. */
    private static final List<Rag> RAGS = List.of(Rag.RED, Rag.AMBER, Rag.GREEN);

    private final ObjectMapper mapper;

    public InformationSharingFold(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The cases with a request asked in the period among these requested entries (which may hold
     * some asked outside it: they were chosen by their ce_time, close to but not their requestedAt).
     */
    public Set<String> casesAsked(List<AuditEntry> requested, LocalDate from, LocalDate to) {
        Instant start = start(from);
        Instant end = end(to);
        Set<String> cases = new LinkedHashSet<>();
        for (AuditEntry e : requested) {
            InformationRequested q = read(e, InformationRequested.class);
            if (q != null && q.caseId() != null && within(q.requestedAt(), start, end)) {
                cases.add(q.caseId().toString());
            }
        }
        return cases;
    }

    /**
     * Folds entries of any types, in log order (entries of other types are passed over): the requests
     * asked from {@code from} to {@code to} inclusive (UTC dates), each with its answer, refusal and the
     * ratings that moved its due time.
     */
    public InformationSharing fold(List<AuditEntry> entries, LocalDate from, LocalDate to) {
        Instant start = start(from);
        Instant end = end(to);
        Map<UUID, InformationRequested> requested = new LinkedHashMap<>();
        Map<UUID, InformationRequestAnswered> answered = new HashMap<>();
        Map<UUID, InformationRequestDeclined> declined = new HashMap<>();
        Map<UUID, Rag> lastRating = new HashMap<>();
        for (AuditEntry e : entries) {
            switch (e.type()) {
                case EventTypes.INFORMATION_REQUESTED -> {
                    InformationRequested q = read(e, InformationRequested.class);
                    if (q != null && q.requestId() != null) {
                        requested.putIfAbsent(q.requestId(), q);
                    }
                }
                case EventTypes.INFORMATION_REQUEST_ANSWERED -> {
                    InformationRequestAnswered a = read(e, InformationRequestAnswered.class);
                    if (a != null && a.requestId() != null) {
                        answered.putIfAbsent(a.requestId(), a);
                    }
                }
                case EventTypes.INFORMATION_REQUEST_DECLINED -> {
                    InformationRequestDeclined d = read(e, InformationRequestDeclined.class);
                    if (d != null && d.requestId() != null) {
                        declined.putIfAbsent(d.requestId(), d);
                    }
                }
                case EventTypes.RISK_RATED -> {
                    RiskRated r = read(e, RiskRated.class);
                    if (r != null) {
                        // a rating names the requests still open; the last one naming a request set its due time
                        for (RiskRated.InformationRequestDue due : r.informationRequestsDue()) {
                            lastRating.put(due.requestId(), r.rag());
                        }
                    }
                }
                default -> {
                }
            }
        }

        Tally all = new Tally();
        Map<Rag, Tally> byRag = new HashMap<>();
        Map<String, Tally> byAgency = new TreeMap<>();
        for (InformationRequested q : requested.values()) {
            if (!within(q.requestedAt(), start, end)) {
                continue;
            }
            InformationRequestAnswered a = answered.get(q.requestId());
            InformationRequestDeclined d = a == null ? declined.get(q.requestId()) : null;
            Rag rag = a != null ? a.rag() : lastRating.containsKey(q.requestId()) ? lastRating.get(q.requestId()) : q.rag();
            String agency = q.agency() == null ? "UNKNOWN" : q.agency().name();
            for (Tally t : List.of(all, byRag.computeIfAbsent(rag == null ? Rag.AMBER : rag, r -> new Tally()),
                    byAgency.computeIfAbsent(agency, x -> new Tally()))) {
                t.count(q, a, d);
            }
        }

        Map<String, InformationSharing.ByRag> ragFigures = new LinkedHashMap<>();
        for (Rag rag : RAGS) {
            Tally t = byRag.getOrDefault(rag, new Tally());
            ragFigures.put(rag.name(), new InformationSharing.ByRag(t.requests, t.answeredByDueBy()));
        }
        Map<String, InformationSharing.ByAgency> agencyFigures = new LinkedHashMap<>();
        byAgency.forEach((agency, t) -> {
            t.responses.sort(null);
            agencyFigures.put(agency, InformationSharing.ByAgency.of(t.requests, t.answered, t.declined,
                    ReportCardFold.nearestRank(t.responses, 50), ReportCardFold.nearestRank(t.responses, 90)));
        });
        return new InformationSharing(all.requests, all.answered, all.declined,
                all.requests - all.answered - all.declined, all.answeredByDueBy(), ragFigures, agencyFigures);
    }

    /** The figures of one group of requests. */
    private static final class Tally {
        long requests;
        long answered;
        long declined;
        long inTime;
        final List<Duration> responses = new ArrayList<>();

        void count(InformationRequested q, InformationRequestAnswered a, InformationRequestDeclined d) {
            requests++;
            if (a != null) {
                answered++;
                if (a.withinDueBy()) {
                    inTime++;
                }
                if (q.requestedAt() != null && a.answeredAt() != null) {
                    responses.add(Duration.between(q.requestedAt(), a.answeredAt()));
                }
            } else if (d != null) {
                declined++;
            }
        }

        ReportCard.Share answeredByDueBy() {
            return ReportCard.Share.of(inTime, requests);
        }
    }

    private static Instant start(LocalDate from) {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant end(LocalDate to) {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static boolean within(Instant instant, Instant start, Instant end) {
        return instant != null && !instant.isBefore(start) && instant.isBefore(end);
    }

    /** The entry's event, or null (and a warning naming its sequence) when no figure can come from it. */
    private <T> T read(AuditEntry e, Class<T> type) {
        if (UnstorableRecord.is(e.data())) {
            LOG.warnf("Report card skips entry %d: a record in its unstorable form", e.sequence());
            return null;
        }
        try {
            return mapper.readValue(e.data(), type);
        } catch (Exception ex) {
            LOG.warnf("Report card skips entry %d: its data cannot be read as %s", e.sequence(), e.type());
            return null;
        }
    }
}
