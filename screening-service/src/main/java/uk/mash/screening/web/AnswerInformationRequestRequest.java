package uk.mash.screening.web;

import jakarta.validation.constraints.Size;
import uk.mash.contracts.LegalBasis;

/** What the agency asked knows ("nothing known" is an answer), and on what legal basis it shares it. */
public record AnswerInformationRequestRequest(@Size(max = 20000) String summary, LegalBasis legalBasis) {
}
