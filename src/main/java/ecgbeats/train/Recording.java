package ecgbeats.train;

import ecgbeats.util.BadInputException;
import ecgbeats.data.beat.BeatExtractor;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.beat.ExtractionSettings;
import ecgbeats.data.qrs.PanTompkins;
import ecgbeats.data.wfdb.Annotation;
import ecgbeats.data.wfdb.AnnotationFile;
import ecgbeats.data.wfdb.WfdbRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A recording's beats, cut as a run's training data was cut: at the reference annotations
 * (PATH.atr) or at our own QRS detections, with the run's extraction settings, RR features
 * included (the same code path as {@code data build}).
 *
 * @param base      the record's path without extension
 * @param record    the recording
 * @param beats     the cut beats (labels unknown, 0); {@code beats.positions()} are the R peaks
 * @param detected  whether the beats come from the QRS detector
 * @param reference the reference beat annotations (PATH.atr), or null when there is no such file
 */
public record Recording(Path base, WfdbRecord record, BeatTable beats, boolean detected, List<Annotation> reference) {

    /** PATH.atr for the record PATH. */
    public static Path annotationFile(Path base) {
        return base.resolveSibling(base.getFileName() + ".atr");
    }

    /**
     * Reads the record at {@code base} (a path without extension) and cuts its beats, at its
     * .atr beats or, with {@code detect} or without an .atr file, at the QRS detector's.
     */
    public static Recording cut(Path base, ExtractionSettings settings, boolean detect) {
        WfdbRecord record = WfdbRecord.read(base);
        BeatExtractor.checkFrequency(record, base.resolveSibling(base.getFileName() + ".hea"));
        if (record.length() < settings.windowSeconds() * record.frequency()) {
            throw new BadInputException(base + ": " + record.length() + " samples at " + record.frequency()
                    + " Hz, shorter than one beat window (" + settings.windowSeconds() + " s)");
        }
        Path atr = annotationFile(base);
        List<Annotation> reference = Files.exists(atr)
                ? AnnotationFile.read(atr).stream().filter(Annotation::isBeat).toList() : null;
        boolean useDetector = detect || reference == null;
        long[] positions;
        if (useDetector) {
            int[] q = new PanTompkins().detect(record.physical(BeatExtractor.leadIndex(record)), record.frequency());
            positions = java.util.Arrays.stream(q).asLongStream().toArray();
        } else {
            positions = reference.stream().mapToLong(Annotation::sample)
                    .filter(s -> s >= 0 && s < record.length()).toArray();
        }
        if (positions.length < 2) {
            throw new BadInputException(base + ": " + (useDetector ? "the QRS detector found " : "its annotations mark ")
                    + positions.length + " beat" + (positions.length == 1 ? "" : "s")
                    + "; ecgbeats needs at least two (a beat's rhythm is its RR intervals)");
        }
        int number = base.getFileName().toString().matches("\\d{1,4}")
                ? Integer.parseInt(base.getFileName().toString()) : BeatTable.UNKNOWN_RECORD;
        BeatTable beats = new BeatExtractor(settings).cutAt(record, positions, number);
        return new Recording(base, record, beats, useDetector, reference);
    }
}
