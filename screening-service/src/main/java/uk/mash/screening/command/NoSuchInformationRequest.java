package uk.mash.screening.command;

import java.util.UUID;

/** The case has no request with this id: 404, as for an unknown case. */
public class NoSuchInformationRequest extends RuntimeException {

    public NoSuchInformationRequest(UUID requestId) {
        super("No information request " + requestId + " on this case", null, false, false);
    }
}
