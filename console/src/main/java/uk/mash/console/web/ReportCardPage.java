package uk.mash.console.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.mash.console.services.Answer;
import uk.mash.console.services.AuditApi;
import uk.mash.console.signin.NotSignedIn;
import uk.mash.console.signin.Person;
import uk.mash.console.signin.SignedIn;

/**
 * The manager's report card for a chosen period (GET /api/v1/performance): the board's figures of
 * DOMAIN.md, as numbers and as charts (Chart.js, served from this console).
 */
@Path("/report-card")
@Produces(MediaType.TEXT_HTML)
public class ReportCardPage {

    @Inject
    Template reportCard;

    @Inject
    SignedIn signedIn;

    @RestClient
    AuditApi audit;

    @GET
    public TemplateInstance show(@QueryParam("from") String from, @QueryParam("to") String to) {
        Person person = signedIn.required();
        LocalDate today = LocalDate.now(Formats.UK);
        List<FormErrors.FieldError> wrong = new ArrayList<>();
        LocalDate start = date(from, today.minusDays(29), "from", "From", wrong);
        LocalDate end = date(to, today, "to", "To", wrong);
        if (wrong.isEmpty() && end.isBefore(start)) {
            wrong.add(new FormErrors.FieldError("to", "To", "must be on or after From", "#to"));
        }
        FormErrors errors = wrong.isEmpty() ? FormErrors.none("period")
                : new FormErrors("period", "The period is not valid", wrong);
        Answer answer = wrong.isEmpty() ? Answer.of(audit.performance(start.toString(), end.toString())) : null;
        if (answer != null && answer.signedOut()) {
            throw new NotSignedIn();
        }
        if (answer != null && !answer.ok() && !answer.violations().isEmpty()) {
            errors = FormErrors.of("period", answer, Map.of("from", new String[]{"From", "from"}, "to", new String[]{"To", "to"}));
        }
        Map<String, Object> card = answer != null && answer.ok() ? answer.body() : Map.of();
        return reportCard.data("person", person).data("nav", "report-card")
                .data("from", from == null ? start.toString() : from).data("to", to == null ? end.toString() : to)
                .data("errors", errors).data("answer", answer).data("card", card)
                .data("charts", card.isEmpty() ? List.of() : charts(card));
    }

    private static LocalDate date(String value, LocalDate fallback, String field, String label, List<FormErrors.FieldError> wrong) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            wrong.add(new FormErrors.FieldError(field, label, "must be a date, like 2026-12-01", "#" + field));
            return fallback;
        }
    }

    /** The charts of the card: contacts to referrals, timeliness, re-referrals, sources, outcomes, time to decision, information sharing. */
    static List<Chart> charts(Map<String, Object> card) {
        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart("contacts", "Contacts to referrals", "bar",
                List.of("Contacts received", "Cases opened", "Referrals"),
                List.of(number(card.get("contactsReceived")), number(card.get("casesOpened")), number(card.get("referrals"))),
                "count"));
        share(charts, "within-day", "Decisions within one working day", card.get("decisionsWithinOneWorkingDay"),
                "Within one working day", "Later");
        share(charts, "re-referrals", "Re-referrals within 12 months", card.get("reReferrals"), "Re-referrals", "First referrals");
        counts(charts, "sources", "Where reports came from", card.get("byReferringAgency"));
        counts(charts, "concerns", "Concerns", card.get("byConcern"));
        counts(charts, "outcomes", "Outcomes", card.get("byOutcome"));
        if (card.get("reportToDecision") instanceof Map<?, ?> t) {
            charts.add(new Chart("time-to-decision", "Time from report to decision (hours)", "bar",
                    List.of("Median", "90th percentile"),
                    List.of(hours(t.get("medianSeconds")), hours(t.get("p90Seconds"))), "hours"));
        }
        if (card.get("informationSharing") instanceof Map<?, ?> sharing && sharing.get("byRag") instanceof Map<?, ?> byRag) {
            List<String> labels = new ArrayList<>();
            List<Number> values = new ArrayList<>();
            byRag.forEach((rag, figures) -> {
                // {"requests": n, "answeredByDueBy": {"count", "of", "share"}}
                Object answered = figures instanceof Map<?, ?> f ? f.get("answeredByDueBy") : null;
                Object share = answered instanceof Map<?, ?> a ? a.get("share") : null;
                labels.add(Formats.rag(rag));
                values.add(share instanceof Number n ? Math.round(n.doubleValue() * 1000) / 10.0 : 0);
            });
            charts.add(new Chart("information-sharing", "Information requests answered by their due time, by RAG (%)",
                    "bar", labels, values, "%"));
        }
        return charts;
    }

    private static void share(List<Chart> charts, String id, String title, Object share, String yes, String no) {
        if (share instanceof Map<?, ?> s) {
            long count = number(s.get("count")).longValue();
            long of = number(s.get("of")).longValue();
            if (of == 0) {
                return; // nothing to picture: the figures above say "None in this period"
            }
            charts.add(new Chart(id, title, "doughnut", List.of(yes, no), List.of(count, of - count), "count"));
        }
    }

    private static void counts(List<Chart> charts, String id, String title, Object byName) {
        if (byName instanceof Map<?, ?> m && !m.isEmpty()) {
            List<String> labels = new ArrayList<>();
            List<Number> values = new ArrayList<>();
            m.forEach((k, v) -> {
                labels.add(Formats.words(k));
                values.add(number(v));
            });
            charts.add(new Chart(id, title, "bar", labels, values, "count"));
        }
    }

    private static Number number(Object value) {
        return value instanceof Number n ? n : 0;
    }

    private static Number hours(Object seconds) {
        return seconds instanceof Number n ? Math.round(n.doubleValue() / 360.0) / 10.0 : 0;
    }
}
