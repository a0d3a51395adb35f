package uk.mash.intake.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Referrer;

/** Who is making the report. Only the agency is required: a member of the public may stay anonymous. */
public record ReferrerRequest(
        @Size(max = 200) String name,
        @Size(max = 200) String role,
        @Size(max = 200) String organisation,
        @NotNull Agency agency,
        @Size(max = 50) String phone,
        @Email @Size(max = 320) String email) {

    Referrer toReferrer() {
        return new Referrer(name, role, organisation, agency, phone, email);
    }
}
