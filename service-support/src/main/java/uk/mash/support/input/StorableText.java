package uk.mash.support.input;

/**
 * Text that every part of the hub can hold: PostgreSQL's text and jsonb cannot store U+0000 (a
 * report carrying one was accepted, then halted every consumer that tried to store it), and no
 * person writes other control characters or half a surrogate pair. Tab, line feed and carriage
 * return are ordinary text.
 */
public final class StorableText {

    public static final String RULE = "must not contain control characters (other than tab, line feed and "
            + "carriage return) or unpaired surrogates";

    private StorableText() {
    }

    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++; // the pair's second half
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
