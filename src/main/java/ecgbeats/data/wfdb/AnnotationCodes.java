package ecgbeats.data.wfdb;

import java.util.HashMap;
import java.util.Map;

/** The standard WFDB annotation codes (ecgcodes.h) and their mnemonics. */
public final class AnnotationCodes {

    private static final String[] SYMBOLS = new String[50];
    private static final Map<String, Integer> CODES = new HashMap<>();
    /** Codes WFDB's isqrs() counts as beats. */
    private static final boolean[] BEAT = new boolean[50];

    static {
        String[] table = {
            "1 N", "2 L", "3 R", "4 a", "5 V", "6 F", "7 J", "8 A", "9 S", "10 E", "11 j", "12 /",
            "13 Q", "14 ~", "16 |", "18 s", "19 T", "20 *", "21 D", "22 \"", "23 =", "24 p",
            "25 B", "26 ^", "27 t", "28 +", "29 u", "30 ?", "31 !", "32 [", "33 ]", "34 e", "35 n",
            "36 @", "37 x", "38 f", "39 (", "40 )", "41 r",
        };
        for (String row : table) {
            int space = row.indexOf(' ');
            int code = Integer.parseInt(row.substring(0, space));
            String symbol = row.substring(space + 1);
            SYMBOLS[code] = symbol;
            CODES.put(symbol, code);
        }
        for (int code : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 25, 30, 34, 35, 38, 41}) {
            BEAT[code] = true;
        }
    }

    private AnnotationCodes() {
    }

    public static String symbol(int code) {
        if (code > 0 && code < SYMBOLS.length && SYMBOLS[code] != null) {
            return SYMBOLS[code];
        }
        return "[" + code + "]";
    }

    /** The code of a mnemonic, or -1 when there is none. */
    public static int code(String symbol) {
        return CODES.getOrDefault(symbol, -1);
    }

    public static boolean isBeat(int code) {
        return code > 0 && code < BEAT.length && BEAT[code];
    }
}
