package uk.mash.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.UUID;

/** A person named in a report. {@code subjectId} is given by intake and is stable for that report. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Subject(UUID subjectId, SubjectRole role, String givenName, String familyName,
                      LocalDate dateOfBirth, String nhsNumber, Address address) {
}
