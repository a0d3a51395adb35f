package uk.mash.audit.reportcard;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import uk.mash.audit.log.AuditEntry;
import uk.mash.audit.log.UnstorableRecord;
import uk.mash.contracts.EventTypes;

/** Computes the report card from the log's entries alone. */
public final class ReportCardFold {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ReportCardFold.class);

    /** The entry types the report card reads. */
    public static final List<String> TYPES = List.of(EventTypes.REPORT_RECEIVED, EventTypes.CASE_OPENED,
            EventTypes.DECISION_RECORDED, EventTypes.REFERRAL_ROUTED, EventTypes.REFERRAL_WITHDRAWN,
            EventTypes.REFERRAL_ACKNOWLEDGED);

    private final ObjectMapper mapper;

    public ReportCardFold(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The whole card from these entries alone, information sharing included (entries of every type it reads). */
    public ReportCard fold(List<AuditEntry> entries, LocalDate from, LocalDate to) {
        return fold(entries, new InformationSharingFold(mapper).fold(entries, from, to), from, to);
    }

    /**
     * The card from these entries, with information sharing already folded from entries read apart
     * (PerformanceResource reads those for the period only).
     */
    public ReportCard fold(List<AuditEntry> entries, InformationSharing informationSharing, LocalDate from, LocalDate to) {
        Tally tally = tally(from, to);
        entries.forEach(tally);
        return tally.card(informationSharing);
    }

    /**
     * A tally of the card for {@code from} to {@code to}, fed one entry at a time in any order and any number of
     * times: PerformanceResource streams the period's entries into it as the database reads them, so what it
     * holds is a few small facts per report, case and referral, never the entries themselves.
     */
    public Tally tally(LocalDate from, LocalDate to) {
        return new Tally(from, to);
    }

    /** What the card needs of a report received. */
    private record ReportFact(long sequence, Instant receivedAt, String agency, List<String> concerns) {
    }

    /** What the card needs of a case opened. */
    private record CaseFact(long sequence, Instant openedAt, UUID reportId, boolean reReferral) {
    }

    /** What the card needs of a decision. */
    private record DecisionFact(long sequence, Instant decidedAt, boolean withinTimescale, String outcome) {
    }

    /** What the card needs of a referral routed. */
    private record RoutedFact(long sequence, UUID caseId, Instant routedAt) {
    }

    /** What the card needs of an acknowledgement. */
    private record AcknowledgedFact(long sequence, boolean withinLimit) {
    }

    /**
     * The card's facts so far. Where the log has several entries for one thing, the first in log order counts
     * (the lowest sequence), as it did when the entries came sorted; the decision standing at the period's end is
     * the last one made before it (the highest sequence). An entry fed twice changes nothing.
     */
    public final class Tally implements Consumer<AuditEntry> {

        private final LocalDate from;
        private final LocalDate to;
        private final Instant start;
        private final Instant end;
        private final Map<UUID, ReportFact> reports = new HashMap<>();
        private final Map<UUID, CaseFact> cases = new HashMap<>();
        private final Map<UUID, DecisionFact> firstDecision = new HashMap<>();
        private final Map<UUID, DecisionFact> latestDecisionBeforeEnd = new HashMap<>();
        private final Map<UUID, RoutedFact> routed = new HashMap<>();
        private final Set<UUID> withdrawn = new HashSet<>();
        private final Map<UUID, AcknowledgedFact> acknowledged = new HashMap<>();

        private Tally(LocalDate from, LocalDate to) {
            this.from = from;
            this.to = to;
            this.start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
            this.end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        /** The opening reports of the cases tallied whose own report received is not (yet) tallied. */
        public synchronized Set<UUID> openingReportsNotTallied() {
            Set<UUID> ids = new HashSet<>();
            for (CaseFact c : cases.values()) {
                if (c.reportId() != null && !reports.containsKey(c.reportId())) {
                    ids.add(c.reportId());
                }
            }
            return ids;
        }

        @Override
        public void accept(AuditEntry e) {
            if (UnstorableRecord.is(e.data())) {
                // the event is in the entry only as the bytes received: no figure can come from it
                LOG.warnf("Report card skips entry %d: a record in its unstorable form", e.sequence());
                return;
            }
            try {
                CardFact fact = CardFact.of(mapper, e);
                if (fact != null) {
                    accept(fact);
                }
            } catch (CardFact.Unreadable unreadable) {
                // an entry whose data is not the event its type says: recorded, but no figure can come from it
                LOG.warnf("Report card skips entry %d: its data cannot be read as %s", e.sequence(), e.type());
            }
        }

        /**
         * Tallies one entry's fact (facts of types the card does not count change nothing). Synchronized: the
         * report card streams facts into one tally from several reads at once.
         */
        public synchronized void accept(CardFact f) {
            long seq = f.sequence();
            switch (f.type()) {
                case EventTypes.REPORT_RECEIVED -> first(reports, f.reportId(), new ReportFact(seq, f.at(),
                        f.agency() == null ? "UNKNOWN" : f.agency(), f.concerns() == null ? List.of() : f.concerns()),
                        ReportFact::sequence);
                case EventTypes.CASE_OPENED -> first(cases, f.subjectId(),
                        new CaseFact(seq, f.at(), f.reportId(), f.reReferral()), CaseFact::sequence);
                case EventTypes.DECISION_RECORDED -> {
                    DecisionFact fact = new DecisionFact(seq, f.at(), f.inTime(),
                            f.outcome() == null ? "UNKNOWN" : f.outcome());
                    if (!f.supersedes()) {
                        first(firstDecision, f.subjectId(), fact, DecisionFact::sequence);
                    }
                    if (f.at() != null && f.at().isBefore(end)) {
                        latestDecisionBeforeEnd.merge(f.subjectId(), fact, (a, b) -> a.sequence() >= b.sequence() ? a : b);
                    }
                }
                case EventTypes.REFERRAL_ROUTED -> first(routed, f.itemId(), new RoutedFact(seq, f.subjectId(), f.at()),
                        RoutedFact::sequence);
                case EventTypes.REFERRAL_WITHDRAWN -> withdrawn.add(f.itemId());
                case EventTypes.REFERRAL_ACKNOWLEDGED -> first(acknowledged, f.itemId(),
                        new AcknowledgedFact(seq, f.inTime()), AcknowledgedFact::sequence);
                default -> {
                }
            }
        }

        /** The card from what was tallied. */
        public synchronized ReportCard card(InformationSharing informationSharing) {
            // contacts: reports received in the window, where they came from and what about
            long contacts = 0;
            Map<String, Long> byAgency = new TreeMap<>();
            Map<String, Long> byConcern = new TreeMap<>();
            for (ReportFact r : reports.values()) {
                if (within(r.receivedAt(), start, end)) {
                    contacts++;
                    byAgency.merge(r.agency(), 1L, Long::sum);
                    for (String c : r.concerns()) {
                        byConcern.merge(c, 1L, Long::sum);
                    }
                }
            }

            // referrals: cases opened in the window with at least one referral routed (and not withdrawn)
            Set<UUID> routedCases = new HashSet<>();
            routed.forEach((referralId, r) -> {
                if (!withdrawn.contains(referralId)) {
                    routedCases.add(r.caseId());
                }
            });
            long opened = 0;
            long referrals = 0;
            long reReferrals = 0;
            for (Map.Entry<UUID, CaseFact> c : cases.entrySet()) {
                if (within(c.getValue().openedAt(), start, end)) {
                    opened++;
                    if (routedCases.contains(c.getKey())) {
                        referrals++;
                        if (c.getValue().reReferral()) {
                            reReferrals++;
                        }
                    }
                }
            }

            // decisions: each case's first decision made in the window
            long decided = 0;
            long inTime = 0;
            Map<String, Long> byOutcome = new TreeMap<>();
            List<Duration> reportToDecision = new ArrayList<>();
            for (Map.Entry<UUID, DecisionFact> entry : firstDecision.entrySet()) {
                UUID caseId = entry.getKey();
                DecisionFact d = entry.getValue();
                if (caseId == null || !within(d.decidedAt(), start, end)) {
                    continue;
                }
                decided++;
                if (d.withinTimescale()) {
                    inTime++;
                }
                DecisionFact standing = latestDecisionBeforeEnd.getOrDefault(caseId, d);
                byOutcome.merge(standing.outcome(), 1L, Long::sum);
                CaseFact c = cases.get(caseId);
                if (c != null) {
                    ReportFact first = c.reportId() == null ? null : reports.get(c.reportId());
                    Instant reported = first != null ? first.receivedAt() : c.openedAt();
                    reportToDecision.add(Duration.between(reported, d.decidedAt()));
                }
            }

            // acknowledgements: referrals routed in the window (not withdrawn), acknowledged within their limit
            long routedInWindow = 0;
            long acknowledgedInTime = 0;
            for (Map.Entry<UUID, RoutedFact> r : routed.entrySet()) {
                if (within(r.getValue().routedAt(), start, end) && !withdrawn.contains(r.getKey())) {
                    routedInWindow++;
                    AcknowledgedFact a = acknowledged.get(r.getKey());
                    if (a != null && a.withinLimit()) {
                        acknowledgedInTime++;
                    }
                }
            }

            reportToDecision.sort(null);
            return new ReportCard(from, to, contacts, opened, referrals, ReportCard.Share.of(inTime, decided),
                    ReportCard.Share.of(reReferrals, referrals), ReportCard.Share.of(acknowledgedInTime, routedInWindow),
                    byAgency, byConcern, byOutcome,
                    ReportCard.ReportToDecision.of(reportToDecision.size(), nearestRank(reportToDecision, 50),
                            nearestRank(reportToDecision, 90)), informationSharing);
        }
    }

    /** Keeps the fact with the lowest sequence for the key: the first in log order. */
    private static <K, V> void first(Map<K, V> facts, K key, V fact, java.util.function.ToLongFunction<V> sequence) {
        facts.merge(key, fact, (a, b) -> sequence.applyAsLong(a) <= sequence.applyAsLong(b) ? a : b);
    }

    /** The nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
    static Duration nearestRank(List<Duration> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static boolean within(Instant instant, Instant start, Instant end) {
        return instant != null && !instant.isBefore(start) && instant.isBefore(end);
    }
}
