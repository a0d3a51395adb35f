package uk.mash.screening.command;

/**
 * A command that contradicts what the case already records (an agency asked twice while its request is
 * open; an answer to a request that is no longer open): 409, nothing recorded.
 */
public class CaseConflict extends RuntimeException {

    public CaseConflict(String message) {
        super(message, null, false, false);
    }
}
