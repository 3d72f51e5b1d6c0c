package ecgbeats.data.beat;

import java.util.Locale;

/**
 * The five AAMI EC57 heartbeat classes, in the order used everywhere (labels 0 to 4, the rows
 * and columns of confusion matrices, the Kaggle CSV label column).
 */
public enum AamiClass {
    /** Normal and bundle branch block beats: N, L, R, e, j. */
    N("NLRej"),
    /** Supraventricular ectopic beats: A, a, J, S. */
    S("AaJS"),
    /** Ventricular ectopic beats: V, E. */
    V("VE"),
    /** Fusion of ventricular and normal beats: F. */
    F("F"),
    /** Paced, fusion of paced and normal, and unclassifiable beats: /, f, Q. */
    Q("/fQ");

    public static final int COUNT = 5;
    private static final AamiClass[] VALUES = values();

    private final String symbols;

    AamiClass(String symbols) {
        this.symbols = symbols;
    }

    /** The label, 0 to 4. */
    public int label() {
        return ordinal();
    }

    public static AamiClass ofLabel(int label) {
        if (label < 0 || label >= COUNT) {
            throw new IllegalArgumentException("label " + label + " is not 0 to 4");
        }
        return VALUES[label];
    }

    /** The AAMI class of a WFDB beat symbol, or null for symbols outside the five classes. */
    public static AamiClass ofSymbol(String symbol) {
        if (symbol.length() != 1) {
            return null;
        }
        for (AamiClass c : VALUES) {
            if (c.symbols.indexOf(symbol.charAt(0)) >= 0) {
                return c;
            }
        }
        return null;
    }
}
