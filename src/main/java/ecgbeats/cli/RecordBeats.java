package ecgbeats.cli;

import com.fasterxml.jackson.databind.JsonNode;
import ecgbeats.data.BadInputException;
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
 * A recording's beats, cut as the run's training data was cut: at the reference annotations
 * (PATH.atr) or at our own QRS detections, with the run's extraction settings.
 *
 * @param record    the recording
 * @param positions each beat's sample index at the record's rate
 * @param beats     the cut beats (labels unknown, 0)
 * @param detected  whether the positions come from the QRS detector
 */
record RecordBeats(WfdbRecord record, long[] positions, BeatTable beats, boolean detected) {

    static Path annotationFile(Path base) {
        return base.resolveSibling(base.getFileName() + ".atr");
    }

    /** Reads the record at {@code base} (a path without extension) and cuts its beats. */
    static RecordBeats cut(Path base, JsonNode runConfig, boolean detect) {
        ExtractionSettings settings = extraction(runConfig);
        String input = runConfig.path("input").asText("");
        boolean known = java.util.Arrays.stream(ecgbeats.model.InputLayout.values())
                .anyMatch(l -> l.name().equalsIgnoreCase(input));
        if (!known || settings.beatLength() > ecgbeats.model.InputLayout.PADDED_LENGTH) {
            throw new BadInputException("the run's model takes beats laid out as '" + input + "' from "
                    + settings.beatLength() + " samples; ecgbeats cuts recordings for "
                    + ecgbeats.model.InputLayout.PADDED_LENGTH + "-sample sequence or grid inputs only");
        }
        WfdbRecord record = WfdbRecord.read(base);
        if (record.length() < settings.windowSeconds() * record.frequency()) {
            throw new BadInputException(base + ": " + record.length() + " samples at " + record.frequency()
                    + " Hz, shorter than one beat window (" + settings.windowSeconds() + " s)");
        }
        boolean useDetector = detect || !Files.exists(annotationFile(base));
        long[] positions;
        if (useDetector) {
            int[] q = new PanTompkins().detect(record.physical(BeatExtractor.leadIndex(record)), record.frequency());
            positions = java.util.Arrays.stream(q).asLongStream().toArray();
        } else {
            List<Annotation> reference = AnnotationFile.read(annotationFile(base));
            positions = reference.stream().filter(Annotation::isBeat).mapToLong(Annotation::sample)
                    .filter(s -> s >= 0 && s < record.length()).toArray();
        }
        int number = base.getFileName().toString().matches("\\d{1,4}")
                ? Integer.parseInt(base.getFileName().toString()) : BeatTable.UNKNOWN_RECORD;
        if (positions.length < 2) {
            throw new BadInputException(base + ": " + (useDetector ? "the QRS detector found " : "its annotations mark ")
                    + positions.length + " beat" + (positions.length == 1 ? "" : "s")
                    + "; ecgbeats needs at least two (a beat's rhythm is its RR intervals)");
        }
        BeatTable beats = new BeatExtractor(settings).cutAt(record, positions, number);
        return new RecordBeats(record, positions, beats, useDetector);
    }

    /** The run's dataset extraction settings (Kachuee's for a run trained on imported CSV); no beat dropped. */
    static ExtractionSettings extraction(JsonNode runConfig) {
        JsonNode e = runConfig.path("data").path("provenance").path("extraction");
        if (e.isMissingNode() || e.isNull()) {
            return ExtractionSettings.KACHUEE;
        }
        return new ExtractionSettings(e.get("frequency").asInt(), e.get("windowSeconds").asDouble(),
                e.get("beatLength").asInt(), e.get("rrFactor").asDouble(), false);
    }
}
