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
        return casesAskedIn(facts(requested), from, to);
    }

    /** The cases with a request asked in the period among these requested facts, as {@link #casesAsked}. */
    public Set<String> casesAskedIn(List<CardFact> requested, LocalDate from, LocalDate to) {
        Instant start = start(from);
        Instant end = end(to);
        Set<String> cases = new LinkedHashSet<>();
        for (CardFact q : requested) {
            if (EventTypes.INFORMATION_REQUESTED.equals(q.type()) && q.subjectId() != null
                    && within(q.at(), start, end)) {
                cases.add(q.subjectId().toString());
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
        return foldFacts(facts(entries), from, to);
    }

    /** Folds the facts of entries of any types, in log order, as {@link #fold}. */
    public InformationSharing foldFacts(List<CardFact> facts, LocalDate from, LocalDate to) {
        Instant start = start(from);
        Instant end = end(to);
        Map<UUID, CardFact> requested = new LinkedHashMap<>();
        Map<UUID, CardFact> answered = new HashMap<>();
        Map<UUID, CardFact> declined = new HashMap<>();
        Map<UUID, String> lastRating = new HashMap<>();
        for (CardFact f : facts) {
            switch (f.type()) {
                case EventTypes.INFORMATION_REQUESTED -> {
                    if (f.itemId() != null) {
                        requested.putIfAbsent(f.itemId(), f);
                    }
                }
                case EventTypes.INFORMATION_REQUEST_ANSWERED -> {
                    if (f.itemId() != null) {
                        answered.putIfAbsent(f.itemId(), f);
                    }
                }
                case EventTypes.INFORMATION_REQUEST_DECLINED -> {
                    if (f.itemId() != null) {
                        declined.putIfAbsent(f.itemId(), f);
                    }
                }
                case EventTypes.RISK_RATED -> {
                    // a rating names the requests still open; the last one naming a request set its due time
                    for (UUID requestId : f.requestIds()) {
                        lastRating.put(requestId, f.rag());
                    }
                }
                default -> {
                }
            }
        }

        Tally all = new Tally();
        Map<Rag, Tally> byRag = new HashMap<>();
        Map<String, Tally> byAgency = new TreeMap<>();
        for (CardFact q : requested.values()) {
            if (!within(q.at(), start, end)) {
                continue;
            }
            CardFact a = answered.get(q.itemId());
            CardFact d = a == null ? declined.get(q.itemId()) : null;
            String rag = a != null ? a.rag() : lastRating.containsKey(q.itemId()) ? lastRating.get(q.itemId()) : q.rag();
            String agency = q.agency() == null ? "UNKNOWN" : q.agency();
            for (Tally t : List.of(all, byRag.computeIfAbsent(rag == null ? Rag.AMBER : Rag.valueOf(rag), r -> new Tally()),
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

        void count(CardFact q, CardFact a, CardFact d) {
            requests++;
            if (a != null) {
                answered++;
                if (a.inTime()) {
                    inTime++;
                }
                if (q.at() != null && a.at() != null) {
                    responses.add(Duration.between(q.at(), a.at()));
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

    /** The entries' facts, in their order; a warning naming each entry no figure can come from. */
    private List<CardFact> facts(List<AuditEntry> entries) {
        List<CardFact> facts = new ArrayList<>();
        for (AuditEntry e : entries) {
            if (!EventTypes.INFORMATION_REQUESTED.equals(e.type()) && !OUTCOME_TYPES.contains(e.type())) {
                continue;
            }
            if (UnstorableRecord.is(e.data())) {
                LOG.warnf("Report card skips entry %d: a record in its unstorable form", e.sequence());
                continue;
            }
            try {
                CardFact f = CardFact.of(mapper, e);
                if (f != null) {
                    facts.add(f);
                }
            } catch (CardFact.Unreadable unreadable) {
                LOG.warnf("Report card skips entry %d: its data cannot be read as %s", e.sequence(), e.type());
            }
        }
        return facts;
    }
}
