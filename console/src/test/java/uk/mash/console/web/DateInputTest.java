package uk.mash.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A GOV.UK date input read as people type it: impossible or partial dates are named, not guessed. */
class DateInputTest {

    @Test
    void aRealDateAndTimeAreRead() {
        List<FormErrors.FieldError> wrong = new ArrayList<>();
        DateInput typed = new DateInput("as-of", "As of", " 7 ", "03", "2026", "9:05");

        assertThat(typed.date(wrong)).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(typed.timeOfDay(wrong)).isEqualTo(LocalTime.of(9, 5));
        assertThat(wrong).isEmpty();
    }

    @Test
    void anImpossibleDateAMissingMonthAndAnImpossibleTimeAreEachNamed() {
        List<FormErrors.FieldError> wrong = new ArrayList<>();
        assertThat(new DateInput("from", "From", "31", "2", "2026", null).date(wrong)).isNull();
        assertThat(new DateInput("to", "To", "1", "", "2026", null).date(wrong)).isNull();
        assertThat(new DateInput("as-of", "As of", "1", "2", "2026", "25:00").timeOfDay(wrong)).isNull();

        assertThat(wrong).extracting(FormErrors.FieldError::message)
                .containsExactly("must be a real date", "must include a month", "must be a real time, like 14:05:09");
        assertThat(wrong).extracting(FormErrors.FieldError::href).containsExactly("#from-day", "#to-month", "#as-of-time");
    }
}
