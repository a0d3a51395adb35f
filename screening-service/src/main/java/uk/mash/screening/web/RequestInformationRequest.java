package uk.mash.screening.web;

import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Which agencies to ask, what, and (when the case's consent is not GIVEN) why sharing without consent
 * is justified. Agencies are read as text so an unknown one is a broken rule (422), as CONTRACT.md says.
 */
public record RequestInformationRequest(@Size(max = 12) List<@Size(max = 40) String> agencies,
                                        @Size(max = 20000) String question,
                                        @Size(max = 20000) String consentOverride) {
}
