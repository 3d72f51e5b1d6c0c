package ecgbeats.data.wfdb;

import ecgbeats.util.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A WFDB record's header and its signals as digital (ADC) samples, one array per signal.
 * Reading checks what the header promises: the signal file's size against the sample count,
 * each signal's first sample and its 16-bit checksum.
 */
public final class WfdbRecord {

    private final Path path;
    private final WfdbHeader header;
    private final int[][] samples;

    private WfdbRecord(Path path, WfdbHeader header, int[][] samples) {
        this.path = path;
        this.header = header;
        this.samples = samples;
    }

    /**
     * Reads the record at {@code path}, the header's path without {@code .hea} (as WFDB tools
     * name records): {@code data/mitdb/100} reads {@code 100.hea} and its signal file.
     */
    public static WfdbRecord read(Path path) {
        Path headerFile = sibling(path, ".hea");
        WfdbHeader header = WfdbHeader.read(headerFile);
        Path dir = headerFile.toAbsolutePath().getParent();
        int n = header.signals().size();
        int[][] samples = new int[n][];
        int i = 0;
        while (i < n) {
            // Signals stored in one file are consecutive lines naming that file: one frame.
            int j = i;
            SignalSpec first = header.signals().get(i);
            while (j < n && header.signals().get(j).fileName().equals(first.fileName())) {
                if (header.signals().get(j).format() != first.format()) {
                    throw BadInputException.inFile(headerFile, "signals in " + first.fileName()
                            + " have different formats");
                }
                j++;
            }
            int[][] group = readGroup(dir.resolve(first.fileName()), first, j - i, header.sampleCount());
            System.arraycopy(group, 0, samples, i, j - i);
            i = j;
        }
        for (int s = 0; s < n; s++) {
            verify(dir.resolve(header.signals().get(s).fileName()), header.signals().get(s), s, samples[s]);
        }
        return new WfdbRecord(path, header, samples);
    }

    static Path sibling(Path record, String extension) {
        return record.resolveSibling(record.getFileName() + extension);
    }

    private static int[][] readGroup(Path file, SignalSpec spec, int signals, long sampleCount) {
        SignalFormat format = SignalFormat.of(spec.format());
        if (format == null) {
            throw BadInputException.inFile(file, "unknown or unsupported signal format " + spec.format()
                    + " (supported: " + SignalFormat.supported() + ")");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw BadInputException.inFile(file, "signal file not found");
        } catch (IOException e) {
            throw BadInputException.inFile(file, "cannot read signal file: " + e.getMessage());
        }
        long available = bytes.length - spec.byteOffset();
        long frames = sampleCount >= 0 ? sampleCount : format.samplesIn(Math.max(available, 0)) / signals;
        long expected = format.bytesFor(frames * signals);
        if (available != expected) {
            throw BadInputException.inFile(file, "wrong size: " + frames + " samples of " + signals
                    + " signals in format " + spec.format() + " need " + (expected + spec.byteOffset())
                    + " bytes, the file has " + bytes.length + (available < expected ? " (truncated)" : ""));
        }
        if (frames > Integer.MAX_VALUE / Math.max(signals, 1)) {
            throw BadInputException.inFile(file, "too many samples");
        }
        int[] stream = format.decode(bytes, (int) spec.byteOffset(), (int) (frames * signals));
        int[][] out = new int[signals][(int) frames];
        for (int f = 0, k = 0; f < frames; f++) {
            for (int s = 0; s < signals; s++) {
                out[s][f] = stream[k++];
            }
        }
        return out;
    }

    private static void verify(Path file, SignalSpec spec, int index, int[] signal) {
        if (spec.initialValue() != null && signal.length > 0 && signal[0] != spec.initialValue()) {
            throw BadInputException.inFile(file, "signal " + index + " (" + spec.description()
                    + ") starts with " + signal[0] + " but the header says " + spec.initialValue()
                    + ": corrupt file or wrong header");
        }
        if (spec.checksum() != null) {
            int sum = 0;
            for (int v : signal) {
                sum += v;
            }
            if ((short) sum != spec.checksum().shortValue()) {
                throw BadInputException.inFile(file, "checksum mismatch for signal " + index + " ("
                        + spec.description() + "): computed " + (short) sum + ", header says "
                        + spec.checksum());
            }
        }
    }

    public Path path() {
        return path;
    }

    public String name() {
        return header.record();
    }

    public WfdbHeader header() {
        return header;
    }

    public double frequency() {
        return header.frequency();
    }

    public int length() {
        return samples.length == 0 ? 0 : samples[0].length;
    }

    /** The digital samples of signal {@code index}; the array is shared, do not modify it. */
    public int[] digital(int index) {
        return samples[index];
    }

    /** Signal {@code index} in physical units: (adc - baseline) / gain. */
    public double[] physical(int index) {
        SignalSpec spec = header.signals().get(index);
        int[] d = samples[index];
        double[] out = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (d[i] - spec.baseline()) / spec.gain();
        }
        return out;
    }

    /** Index of the first signal whose description is {@code description}, or -1. */
    public int signalIndex(String description) {
        List<String> names = new ArrayList<>();
        for (SignalSpec s : header.signals()) {
            names.add(s.description());
        }
        return names.indexOf(description);
    }
}
