package uk.mash.audit.log;

/**
 * A value in PostgreSQL's COPY text format, the form the log and its projections are loaded in by COPY (audit's
 * rebuild of the card's facts, the bench's generated logs): {@code \N} for null, and backslash, tab, newline and
 * carriage return escaped, as the columns and rows are separated by them.
 */
public final class CopyText {

    private CopyText() {
    }

    /** Appends {@code value} as one COPY text field (no separator). */
    public static void append(StringBuilder row, String value) {
        if (value == null) {
            row.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(ch);
            }
        }
    }
}
