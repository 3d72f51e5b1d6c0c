package ecgbeats.data.wfdb;

/**
 * One annotation of a WFDB annotation file.
 *
 * @param sample  sample index (at the record's frequency)
 * @param code    MIT annotation code (1 to 49)
 * @param subtype the SUB field
 * @param channel the CHN field
 * @param num     the NUM field
 * @param aux     the AUX text, or an empty string
 */
public record Annotation(long sample, int code, int subtype, int channel, int num, String aux) {

    /** The annotation's mnemonic, as WFDB prints it ("N", "V", "+", ...). */
    public String symbol() {
        return AnnotationCodes.symbol(code);
    }

    /** Whether the code marks a beat (WFDB's isqrs). */
    public boolean isBeat() {
        return AnnotationCodes.isBeat(code);
    }
}
