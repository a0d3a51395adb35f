package uk.mash.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

@JsonIgnoreProperties(ignoreUnknown = true)
public record PoliceOfficer(String collarNumber, String name, String station) {
}
