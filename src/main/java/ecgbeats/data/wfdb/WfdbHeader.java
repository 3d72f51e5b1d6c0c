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
 * A WFDB header ({@code NNN.hea}): the record line and one line per signal. Lines may end in
 * CRLF or LF; {@code #} starts a comment, which is kept (MIT-BIH records put age, sex and
 * medication there).
 *
 * @param record       record name
 * @param frequency    samples per second per signal
 * @param sampleCount  samples per signal, or -1 when the header leaves it out
 * @param signals      the signal lines, in order
 * @param comments     comment lines without the leading {@code #}
 */
public record WfdbHeader(String record, double frequency, long sampleCount,
                         List<SignalSpec> signals, List<String> comments) {

    public WfdbHeader {
        signals = List.copyOf(signals);
        comments = List.copyOf(comments);
    }

    /** Reads {@code file}; any problem becomes a {@link BadInputException} naming the file and line. */
    public static WfdbHeader read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw BadInputException.inFile(file, "header file not found");
        } catch (IOException e) {
            throw BadInputException.inFile(file, "cannot read header: " + e.getMessage());
        }
        return parse(file, text);
    }

    static WfdbHeader parse(Path file, String text) {
        String[] lines = text.split("\r\n|\n|\r", -1);
        List<String> comments = new ArrayList<>();
        List<SignalSpec> signals = new ArrayList<>();
        String record = null;
        double frequency = 250;
        long sampleCount = -1;
        int signalCount = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int lineNumber = i + 1;
            if (line.startsWith("#")) {
                comments.add(line.substring(1).strip());
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            try {
                if (record == null) {
                    if (f.length < 2) {
                        throw new IllegalArgumentException("record line needs a name and a signal count");
                    }
                    record = f[0];
                    if (record.contains("/")) {
                        throw new IllegalArgumentException("multi-segment records are not supported");
                    }
                    signalCount = Integer.parseInt(f[1]);
                    if (signalCount < 0) {
                        throw new IllegalArgumentException("negative signal count");
                    }
                    if (f.length > 2) {
                        frequency = Double.parseDouble(f[2].split("[/(]")[0]);
                        if (!(frequency > 0)) {
                            throw new IllegalArgumentException("sampling frequency must be positive");
                        }
                    }
                    if (f.length > 3) {
                        sampleCount = Long.parseLong(f[3]);
                    }
                } else {
                    if (signals.size() == signalCount) {
                        throw new IllegalArgumentException("more signal lines than the " + signalCount
                                + " the record line announces");
                    }
                    signals.add(parseSignal(f));
                }
            } catch (IllegalArgumentException e) {
                String why = e instanceof NumberFormatException ? "not a number (" + e.getMessage() + ")" : e.getMessage();
                throw BadInputException.inFile(file, "line " + lineNumber + ": " + why);
            }
        }
        if (record == null) {
            throw BadInputException.inFile(file, "no record line: not a WFDB header");
        }
        if (signals.size() != signalCount) {
            throw BadInputException.inFile(file, "the record line announces " + signalCount
                    + " signals but " + signals.size() + " signal lines follow");
        }
        return new WfdbHeader(record, frequency, sampleCount, signals, comments);
    }

    private static SignalSpec parseSignal(String[] f) {
        if (f.length < 2) {
            throw new IllegalArgumentException("signal line needs a file name and a format");
        }
        String fileName = f[0];
        // format[xsamp][:skew][+offset]
        String fmt = f[1];
        long offset = 0;
        int plus = fmt.indexOf('+');
        if (plus >= 0) {
            offset = Long.parseLong(fmt.substring(plus + 1));
            fmt = fmt.substring(0, plus);
        }
        int colon = fmt.indexOf(':');
        if (colon >= 0) {
            fmt = fmt.substring(0, colon);
        }
        int x = fmt.indexOf('x');
        if (x >= 0) {
            if (Integer.parseInt(fmt.substring(x + 1)) != 1) {
                throw new IllegalArgumentException("multi-frequency signals are not supported");
            }
            fmt = fmt.substring(0, x);
        }
        int format = Integer.parseInt(fmt);
        double gain = 200;
        int baseline = Integer.MIN_VALUE;
        String units = "mV";
        if (f.length > 2) {
            String g = f[2];
            int slash = g.indexOf('/');
            if (slash >= 0) {
                units = g.substring(slash + 1);
                g = g.substring(0, slash);
            }
            int paren = g.indexOf('(');
            if (paren >= 0) {
                baseline = Integer.parseInt(g.substring(paren + 1, g.indexOf(')', paren)));
                g = g.substring(0, paren);
            }
            gain = Double.parseDouble(g);
            if (gain == 0) {
                gain = 200; // WFDB: a gain of 0 means "uncalibrated", taken as the default
            }
        }
        int adcResolution = f.length > 3 ? Integer.parseInt(f[3]) : 12;
        int adcZero = f.length > 4 ? Integer.parseInt(f[4]) : 0;
        if (baseline == Integer.MIN_VALUE) {
            baseline = adcZero;
        }
        Integer initial = f.length > 5 ? Integer.valueOf(f[5]) : null;
        Integer checksum = f.length > 6 ? Integer.valueOf(f[6]) : null;
        // f[7] is the block size; the description is the rest of the line
        StringBuilder description = new StringBuilder();
        for (int i = 8; i < f.length; i++) {
            if (description.length() > 0) {
                description.append(' ');
            }
            description.append(f[i]);
        }
        return new SignalSpec(fileName, format, offset, gain, baseline, units, adcResolution, adcZero,
                initial, checksum, description.toString());
    }
}
