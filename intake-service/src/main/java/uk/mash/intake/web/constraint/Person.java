package uk.mash.intake.web.constraint;

import java.time.LocalDate;
import uk.mash.contracts.SubjectRole;

/** A person named in a request, as the person-level rules see them. */
public interface Person {

    /** The subject role this person takes in the report; null when the request left it out. */
    SubjectRole subjectRole(LocalDate reportDate);

    LocalDate dateOfBirth();
}
