package uk.mash.intake.report;

/**
 * The NHS number's modulus-11 check: ten digits, the first nine weighted 10 down to 2; the
 * check digit is 11 minus the weighted sum modulo 11 (11 becomes 0; 10 means the number is invalid).
 */
public final class NhsNumber {

    private NhsNumber() {
    }

    public static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        String digits = value.replace(" ", "");
        if (!digits.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /** The ten digits without spaces, as the number is stored and compared. */
    public static String normalise(String value) {
        return value == null ? null : value.replace(" ", "");
    }
}
