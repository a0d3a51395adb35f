package uk.mash.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.mash.console.services.Answer;

/** How a refusal reads in the error summary: in the form's order, in words a person acts on. */
class FormErrorsTest {

    @Test
    void theSummaryListsTheFieldsInTheFormsOrderAndSaysWhatToDo() {
        Answer refused = new Answer(422, Map.of("detail", "The command was refused", "violations", List.of(
                Map.of("field", "legalBasis", "message", "must not be null"),
                Map.of("field", "summary", "message", "must not be blank"))));

        FormErrors errors = FormErrors.of("share", refused, CasePage.SHARE.fields());

        assertThat(errors.fields()).extracting(FormErrors.FieldError::label).containsExactly("Summary", "Legal basis");
        assertThat(errors.fields()).extracting(FormErrors.FieldError::message)
                .containsExactly("enter the summary", "choose the legal basis");
        assertThat(errors.fields()).extracting(FormErrors.FieldError::href).containsExactly("#share-summary", "#share-legal-basis");
    }

    @Test
    void aServicesOwnRuleIsShownAsItIsAndAnAcronymKeepsItsCapitals() {
        Answer refused = new Answer(422, Map.of("violations", List.of(
                Map.of("field", "rationale", "message", "a rating records its rationale"),
                Map.of("field", "rag", "message", "must not be null"))));

        FormErrors errors = FormErrors.of("rate", refused, CasePage.RATE.fields());

        assertThat(errors.fields()).extracting(FormErrors.FieldError::message)
                .containsExactly("choose the RAG", "a rating records its rationale");
    }
}
