package uk.mash.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Who did something: the token's {@code sub} and its {@code agency} claim. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Actor(String sub, Agency agency) {
}
