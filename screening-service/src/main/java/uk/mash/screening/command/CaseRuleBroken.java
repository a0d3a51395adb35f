package uk.mash.screening.command;

/** A screener's command that breaks a MASH rule; {@code field} names the part of the request at fault. */
public class CaseRuleBroken extends RuntimeException {

    private final String field;

    public CaseRuleBroken(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
