package uk.mash.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import uk.mash.audit.log.ReceivedEvent;
import uk.mash.audit.log.UnstorableRecord;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Concern;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.events.RiskRated;

/**
 * A seeded log of journeys through the hub, as the report card counts them: reports, some opening cases (some
 * re-referrals, some linked to an open case), first decisions in or out of time, some superseded with their
 * referrals withdrawn, routings acknowledged in or out of their limit or not at all, information requests
 * answered, declined or left open and re-timed by ratings, and a record in its unstorable form. Journeys start
 * at random across {@code span} from {@code start}, and run on up to some days past it, so periods cut them.
 */
final class CardLogGenerator {

    private final Random random;
    private final Instant start;
    private final Duration span;
    private final List<ReceivedEvent> events = new ArrayList<>();

    CardLogGenerator(long seed, Instant start, Duration span) {
        this.random = new Random(seed);
        this.start = start;
        this.span = span;
    }

    /** {@code journeys} journeys' events, in the order of their instants (as the hub would publish them). */
    List<ReceivedEvent> generate(int journeys) {
        for (int i = 0; i < journeys; i++) {
            journey(start.plusSeconds((long) (random.nextDouble() * span.toSeconds())));
        }
        events.add(new ReceivedEvent(UUID.randomUUID().toString(), EventTypes.DECISION_RECORDED, "urn:mash:test",
                start.plus(span.dividedBy(2)), UnstorableRecord.data("not UTF-8", "mash.case-events", 0, 1L, null,
                new byte[] {(byte) 0xff}, List.of(), UUID.randomUUID().toString(), null)));
        events.sort((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
        return events;
    }

    private void journey(Instant t) {
        UUID reportId = UUID.randomUUID();
        Agency agency = pick(Agency.values());
        List<Concern> concerns = random.nextInt(5) == 0 ? List.of(pick(Concern.values()), pick(Concern.values()))
                : List.of(pick(Concern.values()));
        add(EventTypes.REPORT_RECEIVED, t, Events.report(reportId, "MASH-" + reportId.toString().substring(0, 6), t,
                agency, concerns, Events.child("Sam", "Evans")));
        if (random.nextInt(10) == 0) {
            return; // a report that opens nothing
        }
        UUID caseId = UUID.randomUUID();
        Instant opened = t.plusSeconds(1 + random.nextInt(5));
        add(EventTypes.CASE_OPENED, opened, Events.opened(caseId, "MASH-C", reportId, opened, pick(Rag.values()),
                random.nextInt(4) == 0, concerns, Events.child("Sam", "Evans")));
        if (random.nextInt(8) == 0) {
            UUID linked = UUID.randomUUID();
            Instant at = opened.plusSeconds(600 + random.nextInt(3600));
            add(EventTypes.REPORT_RECEIVED, at, Events.report(linked, "MASH-L", at, pick(Agency.values()),
                    List.of(pick(Concern.values())), Events.child("Sam", "Evans")));
            add(EventTypes.REPORT_LINKED, at.plusSeconds(1), Events.linked(caseId, linked, "MASH-C", at.plusSeconds(1),
                    Agency.POLICE, List.of(Concern.DOMESTIC_ABUSE), Events.child("Sam", "Evans")));
        }
        requests(caseId, opened);
        if (random.nextInt(12) == 0) {
            return; // not decided yet
        }
        Instant decided = opened.plusSeconds(600 + random.nextInt(3 * 24 * 3600));
        UUID decisionId = UUID.randomUUID();
        List<Route> routes = routes();
        add(EventTypes.DECISION_RECORDED, decided, Events.decided(caseId, decisionId, pick(Outcome.values()), routes,
                decided, Duration.between(opened, decided).toHours() < 24, null));
        List<UUID> referrals = route(caseId, decided, routes);
        if (random.nextInt(6) == 0) {
            Instant again = decided.plusSeconds(3600 + random.nextInt(10 * 24 * 3600));
            add(EventTypes.DECISION_RECORDED, again, Events.decided(caseId, UUID.randomUUID(), pick(Outcome.values()),
                    List.of(Route.POLICE), again, true, decisionId));
            for (int i = 0; i < referrals.size(); i++) {
                add(EventTypes.REFERRAL_WITHDRAWN, again.plusSeconds(1),
                        Events.withdrawn(referrals.get(i), caseId, routes.get(i), again.plusSeconds(1)));
            }
            route(caseId, again, List.of(Route.POLICE));
        }
    }

    private List<Route> routes() {
        return switch (random.nextInt(4)) {
            case 0 -> List.of();
            case 1 -> List.of(Route.CHILDREN, Route.POLICE);
            default -> List.of(pick(Route.values()));
        };
    }

    private List<UUID> route(UUID caseId, Instant decided, List<Route> routes) {
        List<UUID> referrals = new ArrayList<>();
        for (Route queue : routes) {
            UUID referralId = UUID.randomUUID();
            Instant routed = decided.plusSeconds(1);
            add(EventTypes.REFERRAL_ROUTED, routed, Events.routed(referralId, caseId, queue, routed));
            referrals.add(referralId);
            if (random.nextInt(5) > 0) {
                Instant ack = routed.plusSeconds(60 + random.nextInt(2 * 24 * 3600));
                add(EventTypes.REFERRAL_ACKNOWLEDGED, ack, Events.acknowledged(referralId, caseId, queue, ack,
                        random.nextBoolean()));
            }
        }
        return referrals;
    }

    private void requests(UUID caseId, Instant opened) {
        int n = random.nextInt(3);
        List<RiskRated.InformationRequestDue> open = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID requestId = UUID.randomUUID();
            Agency asked = pick(Agency.values());
            Instant at = opened.plusSeconds(60 + random.nextInt(7200));
            Rag rag = pick(Rag.values());
            Duration due = Duration.ofHours(4 + random.nextInt(72));
            add(EventTypes.INFORMATION_REQUESTED, at, Events.requested(caseId, requestId, asked, at, due, rag));
            switch (random.nextInt(4)) {
                case 0, 1 -> {
                    Instant answeredAt = at.plusSeconds(600 + random.nextInt(4 * 24 * 3600));
                    add(EventTypes.INFORMATION_REQUEST_ANSWERED, answeredAt,
                            Events.answered(caseId, requestId, asked, at, answeredAt, at.plus(due), rag));
                }
                case 2 -> {
                    Instant declinedAt = at.plusSeconds(600 + random.nextInt(24 * 3600));
                    add(EventTypes.INFORMATION_REQUEST_DECLINED, declinedAt,
                            Events.declined(caseId, requestId, asked, declinedAt));
                }
                default -> open.add(new RiskRated.InformationRequestDue(requestId, at.plus(due)));
            }
        }
        if (!open.isEmpty() || random.nextInt(4) == 0) {
            Instant at = opened.plusSeconds(7300 + random.nextInt(3600));
            add(EventTypes.RISK_RATED, at, Events.rated(caseId, pick(Rag.values()), at, open));
        }
    }

    private void add(String type, Instant at, Record data) {
        JsonNode json = Events.JSON.valueToTree(data);
        events.add(new ReceivedEvent(UUID.randomUUID().toString(), type, "urn:mash:test", at, json));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
