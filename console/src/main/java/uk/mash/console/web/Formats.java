package uk.mash.console.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How pages show the services' values: instants in UK time as people read them ("2 Dec 2026, 14:05"),
 * enum names as words ("Awaiting decision"), and the GOV.UK tag colour of a RAG rating.
 * Used in templates as {@code fmt:time(...)}.
 */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private Formats() {
    }

    /** An ISO-8601 instant in UK time; anything else as it is; nothing as an empty string. */
    static String time(Object iso) {
        if (iso == null) {
            return "";
        }
        try {
            return TIME.format(Instant.parse(String.valueOf(iso)).atZone(UK));
        } catch (DateTimeParseException e) {
            return String.valueOf(iso);
        }
    }

    /** An instant to the second, for the audit log, where many events share a minute: "2 Dec 2026, 14:05:09". */
    static String exactTime(Object iso) {
        if (iso == null) {
            return "";
        }
        try {
            return EXACT.format(Instant.parse(String.valueOf(iso)).atZone(UK));
        } catch (DateTimeParseException e) {
            return String.valueOf(iso);
        }
    }

    /** A date ({@code 2016-03-01}) as "1 Mar 2016". */
    static String date(Object iso) {
        if (iso == null) {
            return "";
        }
        try {
            return DATE.format(LocalDate.parse(String.valueOf(iso)));
        } catch (DateTimeParseException e) {
            return String.valueOf(iso);
        }
    }

    /** {@code CHILD_PROTECTION_STRATEGY} as "Child protection strategy"; {@code CHILDRENS_SERVICES} as "Children's services". */
    static String words(Object value) {
        if (value == null) {
            return "";
        }
        String text = String.valueOf(value).toLowerCase(Locale.ROOT).replace('_', ' ');
        text = text.replace("childrens ", "children's ");
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The GOV.UK tag modifier for a rating: red, yellow (amber), green; grey when not rated. */
    static String ragClass(Object rag) {
        if (rag == null) {
            return "govuk-tag--grey";
        }
        return switch (String.valueOf(rag)) {
            case "RED" -> "govuk-tag--red";
            case "AMBER" -> "govuk-tag--yellow";
            case "GREEN" -> "govuk-tag--green";
            default -> "govuk-tag--grey";
        };
    }

    /** An event type as words: {@code mash.case.risk-rated.v1} as "Case risk rated". */
    static String eventType(Object type) {
        if (type == null) {
            return "";
        }
        // mash.access.case-read.v1 is simply "Case read"
        String t = String.valueOf(type).replaceFirst("^mash\\.(access\\.)?", "").replaceFirst("\\.v\\d+$", "");
        return words(t.replace('.', ' ').replace('-', ' '));
    }

    /** A role as people say it: "Screener", "Receiving team (children)", "Auditor". */
    static String role(Object role) {
        String r = String.valueOf(role);
        return r.startsWith("queue-") ? "Receiving team (" + r.substring("queue-".length()) + ")" : words(r);
    }

    /** A rating as a word: "Red", "Amber", "Green", "Not rated". */
    static String rag(Object rag) {
        return rag == null ? "Not rated" : words(rag);
    }

    /** A report card share ({@code {count, of, share}}) as "39 of 40 (97.5%)"; "none" when of is 0. */
    static String share(Object value) {
        if (!(value instanceof java.util.Map<?, ?> m)) {
            return "";
        }
        Object of = m.get("of");
        if (!(of instanceof Number n) || n.longValue() == 0) {
            return "None in this period";
        }
        Object share = m.get("share");
        String percent = share instanceof Number s ? String.format(Locale.UK, "%.1f%%", s.doubleValue() * 100) : "";
        return m.get("count") + " of " + of + " (" + percent + ")";
    }

    /** A field's error message as a sentence: "enter the summary" as "Enter the summary". */
    static String sentence(Object message) {
        String text = message == null ? "" : String.valueOf(message);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Whether a list (a JSON array) holds this value. */
    static boolean contains(Object list, Object value) {
        return list instanceof java.util.Collection<?> c && value != null && c.stream().anyMatch(v -> String.valueOf(v).equals(String.valueOf(value)));
    }
}
