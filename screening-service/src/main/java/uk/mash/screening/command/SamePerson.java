package uk.mash.screening.command;

import java.util.Locale;
import uk.mash.contracts.Subject;

/**
 * When two subjects are the same person: the NHS number matches, or else (one of them has none)
 * family name, given name and date of birth match, case-insensitive and trimmed.
 */
public final class SamePerson {

    private SamePerson() {
    }

    public static boolean same(Subject a, Subject b) {
        if (a.nhsNumber() != null && b.nhsNumber() != null) {
            return a.nhsNumber().equals(b.nhsNumber());
        }
        String key = nameKey(a);
        return key != null && key.equals(nameKey(b));
    }

    /** family|given|date of birth, normalised; null when the date of birth is not known. */
    public static String nameKey(Subject s) {
        if (s.dateOfBirth() == null || s.givenName() == null || s.familyName() == null) {
            return null;
        }
        return normal(s.familyName()) + "|" + normal(s.givenName()) + "|" + s.dateOfBirth();
    }

    private static String normal(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
