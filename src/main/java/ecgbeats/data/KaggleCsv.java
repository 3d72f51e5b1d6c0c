package ecgbeats.data;

import ecgbeats.util.BadInputException;
import ecgbeats.util.AtomicFile;
import ecgbeats.util.Seeds;
import ecgbeats.util.Sha256;
import ecgbeats.util.Version;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The layout of the Kaggle "ECG Heartbeat Categorization" files ({@code mitbih_train.csv},
 * {@code mitbih_test.csv}): per row 187 samples and then the label (0 = N, 1 = S, 2 = V,
 * 3 = F, 4 = Q, written as a number such as {@code 1.000000000000000000e+00}), no header.
 */
public final class KaggleCsv {

    public static final int BEAT_LENGTH = 187;

    private KaggleCsv() {
    }

    /** Reads a Kaggle-layout file; a bad row is a {@link BadInputException} naming file and line. */
    public static BeatTable read(Path file) {
        return read(file, true);
    }

    /** Reads beats to classify: rows of 187 samples, or 187 samples and a label (kept). */
    public static BeatTable readForPrediction(Path file) {
        return read(file, false);
    }

    private static BeatTable read(Path file, boolean labelled) {
        BeatTable.Builder out = new BeatTable.Builder(BEAT_LENGTH);
        float[] beat = new float[BEAT_LENGTH];
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String line;
            int lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                int label = parseRow(file, lineNumber, line, beat, labelled);
                out.add(beat, 0, label, BeatTable.UNKNOWN_RECORD, lineNumber - 1);
            }
        } catch (NoSuchFileException e) {
            throw BadInputException.inFile(file, "file not found");
        } catch (java.nio.charset.MalformedInputException e) {
            throw BadInputException.inFile(file, "not a text CSV file");
        } catch (IOException e) {
            throw BadInputException.inFile(file, "cannot read: " + e.getMessage());
        }
        if (out.size() == 0) {
            throw BadInputException.inFile(file, "no rows");
        }
        return out.build();
    }

    /** Parses one row into {@code beat}; returns the label. */
    static int parseRow(Path file, int lineNumber, String line, float[] beat, boolean labelled) {
        String[] f = line.split(",", -1);
        boolean ok = f.length == BEAT_LENGTH + 1 || (!labelled && f.length == BEAT_LENGTH);
        if (!ok) {
            throw BadInputException.inFile(file, "line " + lineNumber + ": " + f.length + " columns, expected "
                    + (labelled ? "188 (187 samples and a label)" : "187 samples, or 188 with a label"));
        }
        for (int i = 0; i < f.length; i++) {
            double v;
            try {
                v = Double.parseDouble(f[i].trim());
            } catch (NumberFormatException e) {
                throw BadInputException.inFile(file, "line " + lineNumber + ", column " + (i + 1)
                        + ": not a number: '" + f[i] + "'");
            }
            if (!Double.isFinite(v)) {
                throw BadInputException.inFile(file, "line " + lineNumber + ", column " + (i + 1)
                        + ": " + f[i].trim() + " is not a finite number");
            }
            if (i < BEAT_LENGTH) {
                beat[i] = (float) v;
            } else if (v != Math.rint(v) || v < 0 || v >= AamiClass.COUNT) {
                throw BadInputException.inFile(file, "line " + lineNumber + ": label " + f[i].trim()
                        + " is not one of 0, 1, 2, 3, 4 (N, S, V, F, Q)");
            } else {
                return (int) v;
            }
        }
        return 0; // an unlabelled row
    }

    /** Writes {@code beats} in the Kaggle layout (atomically). */
    public static void write(BeatTable beats, Path file) throws IOException {
        write(beats, file, false);
    }

    /**
     * Writes {@code beats} in the Kaggle layout, with their RR features (11, or 8 from a format-2 file) between the samples
     * and the label when {@code withRr} (the label stays last); atomically.
     */
    public static void write(BeatTable beats, Path file, boolean withRr) throws IOException {
        if (withRr && !beats.hasRr()) {
            throw new BadInputException("the beats have no RR features to write");
        }
        if (beats.beatLength() != BEAT_LENGTH) {
            throw new BadInputException("beats are " + beats.beatLength() + " samples long; the Kaggle layout has "
                    + BEAT_LENGTH);
        }
        AtomicFile.write(file, os -> {
            Writer w = new OutputStreamWriter(os, StandardCharsets.US_ASCII);
            float[] s = beats.samples();
            StringBuilder row = new StringBuilder(4096);
            for (int i = 0; i < beats.size(); i++) {
                row.setLength(0);
                for (int t = 0; t < BEAT_LENGTH; t++) {
                    row.append(s[i * BEAT_LENGTH + t]).append(',');
                }
                for (int t = 0; withRr && t < beats.rrWidth(); t++) {
                    row.append(beats.rr()[i * beats.rrWidth() + t]).append(',');
                }
                row.append(beats.label(i)).append('\n');
                w.write(row.toString());
            }
            w.flush();
        });
    }

    /** An intra-style dataset from the Kaggle train and test files; validation is carved from train. */
    public static BeatDataset importDataset(Path train, Path test, long seed, double validFraction) {
        BeatTable trainAll = read(train);
        BeatTable testTable = read(test);
        StratifiedSplitter.Parts v = StratifiedSplitter.split(trainAll, validFraction,
                Seeds.random(seed, "valid-split"));
        List<SourceFile> files;
        try {
            files = List.of(new SourceFile(train.getFileName().toString(), Files.size(train), Sha256.of(train)),
                    new SourceFile(test.getFileName().toString(), Files.size(test), Sha256.of(test)));
        } catch (IOException e) {
            throw new BadInputException("cannot hash the CSV files: " + e.getMessage());
        }
        Provenance p = new Provenance(Protocol.INTRA, seed, 0, validFraction,
                "kaggle-csv: " + train + ", " + test, files, List.of(), java.util.Map.of(), null, null, Version.get());
        return new BeatDataset(p, v.kept(), v.heldOut(), testTable);
    }
}
