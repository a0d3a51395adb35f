package uk.mash.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The person or body who made a report; only the agency is required (the public may stay anonymous). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Referrer(String name, String role, String organisation, Agency agency, String phone, String email) {
}
