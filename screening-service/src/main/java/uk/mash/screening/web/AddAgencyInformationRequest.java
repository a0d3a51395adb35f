package uk.mash.screening.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uk.mash.contracts.LegalBasis;

/** What an agency knows, and on what legal basis it shares it. The agency is the caller's own. */
public record AddAgencyInformationRequest(@NotBlank @Size(max = 20000) String summary, @NotNull LegalBasis legalBasis) {
}
