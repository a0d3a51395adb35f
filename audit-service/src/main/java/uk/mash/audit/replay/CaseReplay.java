package uk.mash.audit.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import uk.mash.audit.log.AuditEntry;
import uk.mash.audit.log.UnstorableRecord;
import uk.mash.contracts.Concern;
import uk.mash.contracts.Consent;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Subject;
import uk.mash.contracts.events.AgencyInformationAdded;
import uk.mash.contracts.events.CaseOpened;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.contracts.events.InformationRequestAnswered;
import uk.mash.contracts.events.InformationRequestDeclined;
import uk.mash.contracts.events.InformationRequestOverdue;
import uk.mash.contracts.events.InformationRequested;
import uk.mash.contracts.events.ReportLinked;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.contracts.events.RiskRated;

/**
 * Folds a case's entries of the log into the case as it stood at an instant: every entry whose
 * event occurred (ce_time) at or before that instant, in log order. Independent of screening's code:
 * only the events' published data is used.
 *
 * <ul>
 *   <li>status AWAITING_DECISION until a decision is recorded, then DECIDED;</li>
 *   <li>rag from the opening, then each risk rating (a decision's rating is the rating it was made on);</li>
 *   <li>overdue once a decision-overdue event was published and while no decision is recorded;</li>
 *   <li>consent the opening report's (none said: NOT_SOUGHT), REFUSED once any report of the case says so;</li>
 *   <li>each information request OPEN when asked, its due time and rating moved by each rating that names
 *       it (RiskRated's informationRequestsDue), ANSWERED or DECLINED by its agency, overdue once its
 *       overdue event was published (and ever after); an answer is also agency information with its requestId;</li>
 *   <li>version counts the case's own events (mash.case-events) folded.</li>
 * </ul>
 */
public final class CaseReplay {

    private final ObjectMapper mapper;

    public CaseReplay(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Empty when the case had not been opened by {@code asOf}. */
    public Optional<CaseAsOf> asOf(List<AuditEntry> entries, Instant asOf) {
        Map<UUID, ReportReceived> received = new HashMap<>();
        for (AuditEntry e : entries) {
            if (EventTypes.REPORT_RECEIVED.equals(e.type()) && !e.occurredAt().isAfter(asOf)) {
                try {
                    ReportReceived r = read(e, ReportReceived.class);
                    received.put(r.reportId(), r);
                } catch (IllegalStateException unreadable) {
                    // not a report after all: the case is folded without its details
                }
            }
        }
        State state = null;
        for (AuditEntry e : entries) {
            if (e.occurredAt().isAfter(asOf)) {
                continue;
            }
            try {
                if (EventTypes.CASE_OPENED.equals(e.type())) {
                    state = new State(read(e, CaseOpened.class), received);
                } else if (state != null) {
                    state.apply(e);
                }
            } catch (IllegalStateException unreadable) {
                // recorded, but not the event its type says: it cannot change the case
            }
        }
        return Optional.ofNullable(state).map(State::view);
    }

    private <T> T read(AuditEntry e, Class<T> type) {
        if (UnstorableRecord.is(e.data())) {
            // the event is in the entry only as the bytes received: nothing of it can be folded
            throw new IllegalStateException("Entry " + e.sequence() + " holds a record in its unstorable form");
        }
        try {
            return mapper.readValue(e.data(), type);
        } catch (Exception ex) {
            throw new IllegalStateException("Entry " + e.sequence() + " cannot be read as " + type.getSimpleName(), ex);
        }
    }

    private final class State {
        private final CaseOpened opened;
        private final Map<UUID, ReportReceived> received;
        private final List<CaseAsOf.Report> reports = new ArrayList<>();
        private final Map<UUID, CaseAsOf.Subject> subjects = new java.util.LinkedHashMap<>();
        private final LinkedHashSet<Concern> concerns = new LinkedHashSet<>();
        private final List<CaseAsOf.AgencyInformation> information = new ArrayList<>();
        private final List<CaseAsOf.RiskRating> ratings = new ArrayList<>();
        private final Map<UUID, Request> requests = new java.util.LinkedHashMap<>();
        private Consent consent;
        private Rag rag;
        private CaseAsOf.Decision decision;
        private boolean overdueRaised;
        private long version = 1;

        State(CaseOpened opened, Map<UUID, ReportReceived> received) {
            this.opened = opened;
            this.received = received;
            this.rag = opened.rag();
            this.consent = opened.consent() == null ? Consent.NOT_SOUGHT : opened.consent();
            ReportReceived first = received.get(opened.reportId());
            reports.add(first == null
                    ? new CaseAsOf.Report(opened.reportId(), opened.reference(), null, null, null, opened.summary())
                    : new CaseAsOf.Report(first.reportId(), first.reference(), first.receivedAt(),
                            first.referrer() == null ? null : first.referrer().agency(), first.channel(),
                            first.summary()));
            addSubjects(opened.subjects());
            addConcerns(opened.concerns());
        }

        void apply(AuditEntry e) {
            switch (e.type()) {
                case EventTypes.REPORT_LINKED -> {
                    ReportLinked linked = read(e, ReportLinked.class);
                    ReportReceived r = received.get(linked.reportId());
                    reports.add(new CaseAsOf.Report(linked.reportId(), linked.reportReference(), linked.receivedAt(),
                            linked.agency(), linked.channel() != null ? linked.channel() : r == null ? null : r.channel(),
                            linked.summary() != null ? linked.summary() : r == null ? null : r.summary()));
                    addSubjects(linked.subjects());
                    addConcerns(linked.concerns());
                    if (linked.consent() == Consent.REFUSED) {
                        consent = Consent.REFUSED;
                    }
                    version++;
                }
                case EventTypes.AGENCY_INFORMATION_ADDED -> {
                    AgencyInformationAdded a = read(e, AgencyInformationAdded.class);
                    information.add(new CaseAsOf.AgencyInformation(a.agency(), a.sharedBy(), a.sharedAt(),
                            a.legalBasis(), a.summary(), null));
                    version++;
                }
                case EventTypes.RISK_RATED -> {
                    RiskRated r = read(e, RiskRated.class);
                    ratings.add(new CaseAsOf.RiskRating(r.rag(), r.rationale(), r.ratedBy(), r.ratedAt()));
                    rag = r.rag();
                    for (RiskRated.InformationRequestDue due : r.informationRequestsDue()) {
                        Request request = requests.get(due.requestId());
                        if (request != null && "OPEN".equals(request.status)) {
                            request.dueBy = due.dueBy();
                            request.rag = r.rag();
                        }
                    }
                    version++;
                }
                case EventTypes.DECISION_RECORDED -> {
                    DecisionRecorded d = read(e, DecisionRecorded.class);
                    decision = new CaseAsOf.Decision(d.decisionId(), d.outcome(), d.routes(), d.rationale(),
                            d.decidedBy(), d.decidedAt(), d.withinTimescale(), d.supersedes());
                    version++;
                }
                case EventTypes.DECISION_OVERDUE -> {
                    overdueRaised = true;
                    version++;
                }
                case EventTypes.INFORMATION_REQUESTED -> {
                    InformationRequested q = read(e, InformationRequested.class);
                    requests.putIfAbsent(q.requestId(), new Request(q));
                    version++;
                }
                case EventTypes.INFORMATION_REQUEST_ANSWERED -> {
                    InformationRequestAnswered a = read(e, InformationRequestAnswered.class);
                    Request request = requests.get(a.requestId());
                    if (request != null) {
                        request.status = "ANSWERED";
                        request.answeredBy = a.answeredBy();
                        request.answeredAt = a.answeredAt();
                        // the due time and rating in force when answered, as screening judged withinDueBy by them
                        if (a.dueBy() != null) {
                            request.dueBy = a.dueBy();
                            request.rag = a.rag();
                        }
                    }
                    information.add(new CaseAsOf.AgencyInformation(a.agency(), a.answeredBy(), a.answeredAt(),
                            a.legalBasis(), a.summary(), a.requestId()));
                    version++;
                }
                case EventTypes.INFORMATION_REQUEST_DECLINED -> {
                    InformationRequestDeclined d = read(e, InformationRequestDeclined.class);
                    Request request = requests.get(d.requestId());
                    if (request != null) {
                        request.status = "DECLINED";
                        request.declinedBy = d.declinedBy();
                        request.declinedAt = d.declinedAt();
                        request.declineReason = d.reason();
                    }
                    version++;
                }
                case EventTypes.INFORMATION_REQUEST_OVERDUE -> {
                    Request request = requests.get(read(e, InformationRequestOverdue.class).requestId());
                    if (request != null) {
                        request.overdue = true;
                    }
                    version++;
                }
                default -> {
                    // reports, referrals and reads belong to the case's history, not to its screening state
                }
            }
        }

        private void addSubjects(List<Subject> list) {
            if (list != null) {
                for (Subject s : list) {
                    subjects.putIfAbsent(s.subjectId(), new CaseAsOf.Subject(s.subjectId(), s.role(), s.givenName(),
                            s.familyName(), s.dateOfBirth()));
                }
            }
        }

        private void addConcerns(List<Concern> list) {
            if (list != null) {
                concerns.addAll(list);
            }
        }

        CaseAsOf view() {
            return new CaseAsOf(opened.caseId(), opened.reference(), decision == null ? "AWAITING_DECISION" : "DECIDED",
                    opened.openedAt(), opened.decisionDueBy(), overdueRaised && decision == null, rag,
                    opened.reReferral(), opened.previousCaseIds() == null ? List.of() : opened.previousCaseIds(),
                    List.copyOf(reports), List.copyOf(subjects.values()), List.copyOf(concerns), consent,
                    List.copyOf(information), requests.values().stream().map(Request::view).toList(),
                    List.copyOf(ratings), decision, version);
        }
    }

    /** An information request as the fold has it so far. */
    private static final class Request {
        private final InformationRequested requested;
        private Instant dueBy;
        private Rag rag;
        private String status = "OPEN";
        private boolean overdue;
        private String answeredBy;
        private Instant answeredAt;
        private String declinedBy;
        private Instant declinedAt;
        private String declineReason;

        Request(InformationRequested requested) {
            this.requested = requested;
            this.dueBy = requested.dueBy();
            this.rag = requested.rag();
        }

        CaseAsOf.InformationRequest view() {
            return new CaseAsOf.InformationRequest(requested.requestId(), requested.agency(), requested.question(),
                    requested.requestedBy(), requested.requestedByAgency(), requested.requestedAt(), dueBy, rag, status,
                    overdue, requested.consentOverride(), answeredBy, answeredAt, declinedBy, declinedAt, declineReason);
        }
    }
}
