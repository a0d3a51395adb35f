package uk.mash.console.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.mash.console.services.Answer;
import uk.mash.console.services.AuditApi;
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
    public TemplateInstance show(@QueryParam("from") String from, @QueryParam("to") String to, @Context UriInfo uri) {
        Person person = signedIn.required();
        LocalDate today = LocalDate.now(Formats.UK);
        List<FormErrors.FieldError> wrong = new ArrayList<>();
        DateInput fromTyped = DateInput.typed(uri.getQueryParameters(), "from", "From");
        DateInput toTyped = DateInput.typed(uri.getQueryParameters(), "to", "To");
        LocalDate start = day(fromTyped, from, today.minusDays(29), wrong);
        LocalDate end = day(toTyped, to, today, wrong);
        if (wrong.isEmpty() && end.isBefore(start)) {
            wrong.add(new FormErrors.FieldError("to", "To", "must be the same as or after From", "#to-day"));
        }
        FormErrors errors = wrong.isEmpty() ? FormErrors.none("period")
                : new FormErrors("period", "The period is not valid", wrong);
        Answer answer = wrong.isEmpty() ? Answer.asSignedIn(audit.performance(start.toString(), end.toString())) : null;
        if (answer != null && !answer.ok() && !answer.violations().isEmpty()) {
            errors = FormErrors.of("period", answer, FormErrors.labels("from", "From", "from-day", "to", "To", "to-day"));
        }
        Map<String, Object> card = answer != null && answer.ok() ? answer.body() : Map.of();
        // what was typed is shown again as typed; otherwise the dates of the period shown
        return reportCard.data("person", person).data("nav", "report-card")
                .data("fromInput", fromTyped.blank() && start != null ? DateInput.showing("from", "From", start, null) : fromTyped)
                .data("toInput", toTyped.blank() && end != null ? DateInput.showing("to", "To", end, null) : toTyped)
                .data("errors", errors).data("answer", answer).data("card", card)
                .data("charts", card.isEmpty() ? List.of() : charts(card));
    }

    /**
     * A day of the period: typed into its date input, else given as {@code 2026-12-01} in the address
     * (links), else the default; null (and the reason in {@code wrong}) when not a real date.
     */
    private static LocalDate day(DateInput typed, String iso, LocalDate fallback, List<FormErrors.FieldError> wrong) {
        if (!typed.blank()) {
            return typed.date(wrong);
        }
        if (iso == null || iso.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(iso.trim());
        } catch (DateTimeParseException e) {
            wrong.add(new FormErrors.FieldError(typed.id(), typed.label(), "must be a real date", "#" + typed.id() + "-day"));
            return null;
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
