package cn.ydcx.gateway.validation;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Resident identity number, GB 11643-1999: 17 digits and a MOD 11-2 check character (0-9 or X);
 * positions 7–14 are the birth date, which must be a real calendar date from 1900 on and not in
 * the future.
 */
public final class ResidentId {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private ResidentId() {
    }

    public static boolean isValid(String id) {
        return isValid(id, LocalDate.now());
    }

    static boolean isValid(String id, LocalDate today) {
        if (id == null || id.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        return id.charAt(17) == checkChar(id) && birthDateOk(id, today);
    }

    /** The check character for the first 17 digits. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    private static boolean birthDateOk(String id, LocalDate today) {
        int y = Integer.parseInt(id, 6, 10, 10);
        int m = Integer.parseInt(id, 10, 12, 10);
        int d = Integer.parseInt(id, 12, 14, 10);
        try {
            LocalDate birth = LocalDate.of(y, m, d);
            return y >= 1900 && !birth.isAfter(today);
        } catch (DateTimeException e) {
            return false;
        }
    }
}
