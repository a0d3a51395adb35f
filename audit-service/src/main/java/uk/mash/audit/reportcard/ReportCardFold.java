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
import uk.mash.audit.log.AuditEntry;
import uk.mash.audit.log.UnstorableRecord;
import uk.mash.contracts.Concern;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.events.CaseOpened;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.contracts.events.ReferralAcknowledged;
import uk.mash.contracts.events.ReferralRouted;
import uk.mash.contracts.events.ReferralWithdrawn;
import uk.mash.contracts.events.ReportReceived;

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
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

        Map<UUID, ReportReceived> reports = new HashMap<>();
        Map<UUID, CaseOpened> cases = new HashMap<>();
        Map<UUID, DecisionRecorded> firstDecision = new HashMap<>();
        Map<UUID, DecisionRecorded> latestDecisionBeforeEnd = new HashMap<>();
        Map<UUID, ReferralRouted> routed = new HashMap<>();
        Set<UUID> withdrawn = new HashSet<>();
        Map<UUID, ReferralAcknowledged> acknowledged = new HashMap<>();

        for (AuditEntry e : entries) {
          if (UnstorableRecord.is(e.data())) {
              // the event is in the entry only as the bytes received: no figure can come from it
              LOG.warnf("Report card skips entry %d: a record in its unstorable form", e.sequence());
              continue;
          }
          try {
            switch (e.type()) {
                case EventTypes.REPORT_RECEIVED -> {
                    ReportReceived r = read(e, ReportReceived.class);
                    reports.putIfAbsent(r.reportId(), r);
                }
                case EventTypes.CASE_OPENED -> {
                    CaseOpened c = read(e, CaseOpened.class);
                    cases.putIfAbsent(c.caseId(), c);
                }
                case EventTypes.DECISION_RECORDED -> {
                    DecisionRecorded d = read(e, DecisionRecorded.class);
                    if (d.supersedes() == null) {
                        firstDecision.putIfAbsent(d.caseId(), d);
                    }
                    if (d.decidedAt() != null && d.decidedAt().isBefore(end)) {
                        latestDecisionBeforeEnd.put(d.caseId(), d);
                    }
                }
                case EventTypes.REFERRAL_ROUTED -> {
                    ReferralRouted r = read(e, ReferralRouted.class);
                    routed.putIfAbsent(r.referralId(), r);
                }
                case EventTypes.REFERRAL_WITHDRAWN -> withdrawn.add(read(e, ReferralWithdrawn.class).referralId());
                case EventTypes.REFERRAL_ACKNOWLEDGED -> {
                    ReferralAcknowledged a = read(e, ReferralAcknowledged.class);
                    acknowledged.putIfAbsent(a.referralId(), a);
                }
                default -> {
                }
            }
          } catch (IllegalStateException unreadable) {
            // an entry whose data is not the event its type says: recorded, but no figure can come from it
            LOG.warnf("Report card skips entry %d: its data cannot be read as %s", e.sequence(), e.type());
          }
        }

        // contacts: reports received in the window, where they came from and what about
        long contacts = 0;
        Map<String, Long> byAgency = new TreeMap<>();
        Map<String, Long> byConcern = new TreeMap<>();
        for (ReportReceived r : reports.values()) {
            if (within(r.receivedAt(), start, end)) {
                contacts++;
                String agency = r.referrer() == null || r.referrer().agency() == null ? "UNKNOWN"
                        : r.referrer().agency().name();
                byAgency.merge(agency, 1L, Long::sum);
                for (Concern c : r.concerns() == null ? List.<Concern>of() : r.concerns()) {
                    byConcern.merge(c.name(), 1L, Long::sum);
                }
            }
        }

        // referrals: cases opened in the window with at least one referral routed (and not withdrawn)
        Set<UUID> routedCases = new HashSet<>();
        for (ReferralRouted r : routed.values()) {
            if (!withdrawn.contains(r.referralId())) {
                routedCases.add(r.caseId());
            }
        }
        long opened = 0;
        long referrals = 0;
        long reReferrals = 0;
        for (CaseOpened c : cases.values()) {
            if (within(c.openedAt(), start, end)) {
                opened++;
                if (routedCases.contains(c.caseId())) {
                    referrals++;
                    if (c.reReferral()) {
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
        for (DecisionRecorded d : firstDecision.values()) {
            if (d.caseId() == null || !within(d.decidedAt(), start, end)) {
                continue;
            }
            decided++;
            if (d.withinTimescale()) {
                inTime++;
            }
            DecisionRecorded standing = latestDecisionBeforeEnd.getOrDefault(d.caseId(), d);
            byOutcome.merge(standing.outcome() == null ? "UNKNOWN" : standing.outcome().name(), 1L, Long::sum);
            CaseOpened c = cases.get(d.caseId());
            if (c != null) {
                ReportReceived first = reports.get(c.reportId());
                Instant reported = first != null ? first.receivedAt() : c.openedAt();
                reportToDecision.add(Duration.between(reported, d.decidedAt()));
            }
        }

        // acknowledgements: referrals routed in the window (not withdrawn), acknowledged within their limit
        long routedInWindow = 0;
        long acknowledgedInTime = 0;
        for (ReferralRouted r : routed.values()) {
            if (within(r.routedAt(), start, end) && !withdrawn.contains(r.referralId())) {
                routedInWindow++;
                ReferralAcknowledged a = acknowledged.get(r.referralId());
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

    /** The opening report's id of a case-opened entry, or null when the entry cannot be read as one. */
    public static String openingReportOf(ObjectMapper mapper, AuditEntry opened) {
        if (UnstorableRecord.is(opened.data())) {
            return null;
        }
        try {
            CaseOpened c = mapper.readValue(opened.data(), CaseOpened.class);
            return c.reportId() == null ? null : c.reportId().toString();
        } catch (Exception unreadable) {
            return null;
        }
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

    private <T> T read(AuditEntry e, Class<T> type) {
        try {
            return mapper.readValue(e.data(), type);
        } catch (Exception ex) {
            throw new IllegalStateException("Entry " + e.sequence() + " cannot be read as " + type.getSimpleName(), ex);
        }
    }
}
