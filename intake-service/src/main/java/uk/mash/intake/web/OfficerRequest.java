package uk.mash.intake.web;

import jakarta.validation.constraints.Size;
import uk.mash.contracts.PoliceOfficer;

public record OfficerRequest(
        @Size(max = 20) String collarNumber,
        @Size(max = 200) String name,
        @Size(max = 200) String station) {

    PoliceOfficer toOfficer() {
        return new PoliceOfficer(collarNumber, name, station);
    }
}
