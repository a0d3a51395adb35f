package uk.mash.intake.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import uk.mash.contracts.Subject;
import uk.mash.contracts.SubjectRole;
import uk.mash.intake.report.NhsNumber;
import uk.mash.intake.web.constraint.ChildUnder18;
import uk.mash.intake.web.constraint.Person;
import uk.mash.intake.web.constraint.ValidNhsNumber;

@ChildUnder18
public record SubjectRequest(
        @NotNull SubjectRole role,
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @PastOrPresent(message = "must not be in the future") LocalDate dateOfBirth,
        @ValidNhsNumber String nhsNumber,
        @Valid AddressRequest address) implements Person {

    @Override
    public SubjectRole subjectRole(LocalDate reportDate) {
        return role;
    }

    Subject toSubject() {
        return new Subject(UUID.randomUUID(), role, givenName.trim(), familyName.trim(), dateOfBirth,
                NhsNumber.normalise(nhsNumber), address == null ? null : address.toAddress());
    }
}
