package uk.mash.console.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The GOV.UK Design System's date input (Day, Month, Year; for an instant also a Time), as typed, so a
 * page can show it again, and what it means. Separate fields rather than {@code <input type=date>},
 * which Chromium shows in US order. {@code id} prefixes the controls' ids ({@code from-day}) and
 * names; {@code label} is the fieldset's legend, which the error summary names ("From: must be a real date").
 */
@io.quarkus.qute.TemplateData
public record DateInput(String id, String label, String day, String month, String year, String time) {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,4}");
    private static final java.time.format.DateTimeFormatter HH_MM_SS = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}(:\\d{2})?");

    /** What was typed into the date input {@code id} of a GET form ({@code id-day}, {@code id-month}, {@code id-year}, {@code id-time}). */
    static DateInput typed(jakarta.ws.rs.core.MultivaluedMap<String, String> query, String id, String label) {
        return new DateInput(id, label, query.getFirst(id + "-day"), query.getFirst(id + "-month"),
                query.getFirst(id + "-year"), query.getFirst(id + "-time"));
    }

    /** The input showing a date (and a time, when {@code time} is not null). */
    static DateInput showing(String id, String label, LocalDate date, LocalTime time) {
        return new DateInput(id, label, String.valueOf(date.getDayOfMonth()), String.valueOf(date.getMonthValue()),
                String.valueOf(date.getYear()), time == null ? null : HH_MM_SS.format(time));
    }

    /** Whether nothing was typed (the page then uses its default). */
    boolean blank() {
        return empty(day) && empty(month) && empty(year) && empty(time);
    }

    /** The date typed; when it is not a real date, null and the reason added to {@code wrong}. */
    LocalDate date(List<FormErrors.FieldError> wrong) {
        String missing = empty(day) ? "day" : empty(month) ? "month" : empty(year) ? "year" : null;
        if (missing != null) {
            wrong.add(error(missing, "must include a " + missing));
            return null;
        }
        if (!NUMBER.matcher(day.trim()).matches() || !NUMBER.matcher(month.trim()).matches()) {
            wrong.add(error("day", "must be a real date"));
            return null;
        }
        if (!year.trim().matches("\\d{4}")) {
            wrong.add(error("year", "must include 4 numbers in the year"));
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(year.trim()), Integer.parseInt(month.trim()), Integer.parseInt(day.trim()));
        } catch (DateTimeException e) {
            wrong.add(error("day", "must be a real date"));
            return null;
        }
    }

    /** The time typed (hh:mm or hh:mm:ss, 24-hour); midnight when none; null and the reason added when it is not a time. */
    LocalTime timeOfDay(List<FormErrors.FieldError> wrong) {
        if (empty(time)) {
            return LocalTime.MIDNIGHT;
        }
        try {
            if (TIME.matcher(time.trim()).matches()) {
                return LocalTime.parse(time.trim().length() == 4 || time.trim().length() == 7 ? "0" + time.trim() : time.trim());
            }
        } catch (DateTimeException e) {
            // 25:00 and the like: said below
        }
        wrong.add(error("time", "must be a real time, like 14:05:09"));
        return null;
    }

    private FormErrors.FieldError error(String part, String message) {
        // the summary links to the control to mend
        return new FormErrors.FieldError(id, label, message, "#" + id + "-" + part);
    }

    private static boolean empty(String value) {
        return value == null || value.isBlank();
    }
}
