package uk.mash.screening.web;

import jakarta.validation.constraints.Size;

/** Why the agency asked will not share. */
public record DeclineInformationRequestRequest(@Size(max = 20000) String reason) {
}
