package uk.mash.intake.web;

import jakarta.validation.constraints.Size;
import uk.mash.contracts.Address;

public record AddressRequest(
        @Size(max = 200) String line1,
        @Size(max = 200) String line2,
        @Size(max = 100) String town,
        @Size(max = 10) String postcode) {

    Address toAddress() {
        return new Address(line1, line2, town, postcode);
    }
}
