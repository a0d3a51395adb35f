package uk.mash.screening.command;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import uk.mash.contracts.Agency;

/**
 * A request's id, derived from the case, the case's version before the request and the agency asked.
 * Unique, because each command on a case starts from its own version and names an agency once; and
 * known in advance, so a given-when-then test can say which events to expect.
 */
public final class InformationRequestIds {

    public static UUID of(UUID caseId, long versionBefore, Agency agency) {
        return UUID.nameUUIDFromBytes((caseId + "/" + versionBefore + "/" + agency.name()).getBytes(StandardCharsets.UTF_8));
    }

    private InformationRequestIds() {
    }
}
