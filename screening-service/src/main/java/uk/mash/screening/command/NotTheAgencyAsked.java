package uk.mash.screening.command;

/**
 * Only the agency a request was sent to answers or declines it, through its own screener: anyone
 * else is refused (403) as if their role did not allow it.
 */
public class NotTheAgencyAsked extends RuntimeException {

    public NotTheAgencyAsked() {
        super("Only a screener of the agency asked may answer or decline this request", null, false, false);
    }
}
