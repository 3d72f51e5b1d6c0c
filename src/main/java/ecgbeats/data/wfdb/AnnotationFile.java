package ecgbeats.data.wfdb;

import ecgbeats.util.BadInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes WFDB annotation files in MIT format: 16-bit little-endian words whose top
 * six bits are a code and low ten bits a time increment, with the pseudo-codes SKIP (59, a
 * 32-bit increment), NUM (60), SUB (61), CHN (62) and AUX (63, a counted byte string) that
 * modify the annotation before them. NUM and CHN carry over to later annotations, as in WFDB.
 */
public final class AnnotationFile {

    static final int SKIP = 59;
    static final int NUM = 60;
    static final int SUB = 61;
    static final int CHN = 62;
    static final int AUX = 63;

    private AnnotationFile() {
    }

    public static List<Annotation> read(Path file) {
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw BadInputException.inFile(file, "annotation file not found");
        } catch (IOException e) {
            throw BadInputException.inFile(file, "cannot read annotation file: " + e.getMessage());
        }
        return parse(file, b);
    }

    static List<Annotation> parse(Path file, byte[] b) {
        return new Decoder(file, b).decode();
    }

    /**
     * One pass over an annotation file's bytes: the annotation being built, and the NUM and CHN
     * values that carry over to the ones after it.
     */
    private static final class Decoder {
        private final Path file;
        private final byte[] b;
        private final List<Annotation> out = new ArrayList<>();
        private int p;
        private long time;
        private int num;
        private int chan;
        // the annotation being built; modifiers after it change these fields
        private int code = -1;
        private long at;
        private int sub;
        private String aux = "";

        Decoder(Path file, byte[] b) {
            this.file = file;
            this.b = b;
        }

        List<Annotation> decode() {
            while (p + 1 < b.length) {
                int word = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
                int a = word >>> 10;
                int i = word & 0x3FF;
                int wordAt = p;
                p += 2;
                if (a == 0 && i == 0) {
                    return out;
                }
                switch (a) {
                    case SKIP -> skip(wordAt);
                    case NUM -> modified(() -> num = i);
                    case SUB -> modified(() -> sub = i);
                    case CHN -> modified(() -> chan = i);
                    case AUX -> auxString(i, wordAt);
                    default -> annotation(a, i, wordAt);
                }
            }
            throw notMit(file, b.length, "no end-of-file marker (truncated, or not an annotation file)");
        }

        /** SKIP: a 32-bit time increment, a PDP-11 long (high word first, each word little-endian). */
        private void skip(int wordAt) {
            if (p + 4 > b.length) {
                throw notMit(file, wordAt, "SKIP without its 4-byte interval");
            }
            int high = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
            int low = (b[p + 2] & 0xFF) | (b[p + 3] & 0xFF) << 8;
            time += (high << 16) | low;
            p += 4;
        }

        /** A modifier of the annotation before it (and, for NUM and CHN, of those after it). */
        private void modified(Runnable change) {
            change.run();
            if (code > 0) {
                out.set(out.size() - 1, new Annotation(at, code, sub, chan, num, aux));
            }
        }

        private void auxString(int length, int wordAt) {
            if (p + length > b.length) {
                throw notMit(file, wordAt, "AUX string of " + length + " bytes runs past the end");
            }
            String text = new String(b, p, length, StandardCharsets.ISO_8859_1);
            p += length + (length & 1);
            modified(() -> aux = text.indexOf('\0') >= 0 ? text.substring(0, text.indexOf('\0')) : text);
        }

        /**
         * As WFDB's getann: every code below the pseudo-annotations is an annotation, NOTQRS (0)
         * and codes past the standard table (50 to 58) included.
         */
        private void annotation(int a, int increment, int wordAt) {
            time += increment;
            if (time < 0) {
                throw notMit(file, wordAt, "negative annotation time");
            }
            code = a;
            at = time;
            sub = 0;
            aux = "";
            out.add(new Annotation(at, code, sub, chan, num, aux));
        }
    }

    private static BadInputException notMit(Path file, int offset, String why) {
        return BadInputException.inFile(file, "not a valid MIT-format annotation file at byte " + offset
                + ": " + why);
    }

    /** Writes {@code annotations} (sorted by sample) in MIT format, as WFDB's wrann would. */
    public static byte[] encode(List<Annotation> annotations) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long time = 0;
        int num = 0;
        int chan = 0;
        for (Annotation an : annotations) {
            long delta = an.sample() - time;
            if (delta < 0) {
                throw new IllegalArgumentException("annotations must be sorted by sample");
            }
            if (delta > 1023) {
                word(out, SKIP, 0);
                raw16(out, (int) (delta >>> 16));
                raw16(out, (int) delta);
                delta = 0;
            }
            word(out, an.code(), (int) delta);
            time = an.sample();
            if (an.subtype() != 0) {
                word(out, SUB, an.subtype());
            }
            if (an.channel() != chan) {
                chan = an.channel();
                word(out, CHN, chan);
            }
            if (an.num() != num) {
                num = an.num();
                word(out, NUM, num);
            }
            if (!an.aux().isEmpty()) {
                byte[] text = an.aux().getBytes(StandardCharsets.ISO_8859_1);
                word(out, AUX, text.length);
                out.write(text, 0, text.length);
                if ((text.length & 1) == 1) {
                    out.write(0);
                }
            }
        }
        word(out, 0, 0);
        return out.toByteArray();
    }

    private static void word(java.io.ByteArrayOutputStream out, int code, int value) {
        raw16(out, code << 10 | (value & 0x3FF));
    }

    private static void raw16(java.io.ByteArrayOutputStream out, int w) {
        out.write(w & 0xFF);
        out.write((w >>> 8) & 0xFF);
    }
}
