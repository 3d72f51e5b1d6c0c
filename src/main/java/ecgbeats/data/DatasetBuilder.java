package ecgbeats.data;

import ecgbeats.util.BadInputException;
import ecgbeats.util.Seeds;
import ecgbeats.util.Sha256;
import ecgbeats.util.Version;
import ecgbeats.data.beat.BeatExtractor;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.wfdb.Annotation;
import ecgbeats.data.wfdb.AnnotationFile;
import ecgbeats.data.wfdb.WfdbRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds a {@link BeatDataset} from WFDB records: reads and checks every record, cuts its
 * beats, then splits them by the protocol. Records are processed in parallel but assembled in
 * record order, so the result depends only on the request.
 */
public final class DatasetBuilder {

    private DatasetBuilder() {
    }

    /** Beats of one record and the files they came from. */
    private record RecordBeats(int number, BeatTable beats, String lead, List<SourceFile> files) {
    }

    public static BeatDataset build(BuildRequest asked) {
        List<Integer> records = resolveRecords(asked);
        List<Integer> train = new ArrayList<>(records);
        List<Integer> test = new ArrayList<>();
        if (asked.protocol() == Protocol.INTER) {
            train = records.stream().filter(Protocol.DS1::contains).toList();
            test = records.stream().filter(Protocol.DS2::contains).toList();
            if (train.isEmpty()) {
                throw BadInputException.about(BadInputException.Subject.PROTOCOL, "inter", "trains on de Chazal's DS1 records, and none of "
                        + records + " is in DS1 " + Protocol.DS1);
            }
        }
        BuildRequest request = withValidRecords(asked, train);
        if (request.protocol() == Protocol.INTER) {
            for (int r : request.validRecords()) {
                if (!train.contains(r)) {
                    throw BadInputException.about(BadInputException.Subject.VALIDATION_RECORDS, r, "not one of the training records "
                            + train + " (DS1 records among those used)");
                }
            }
            if (train.size() == request.validRecords().size()) {
                throw BadInputException.about(BadInputException.Subject.VALIDATION_RECORDS, request.validRecords(),
                        "would leave no record to train on");
            }
        }
        Map<Integer, RecordBeats> byRecord = new TreeMap<>();
        List<Integer> used = new ArrayList<>(train);
        used.addAll(test);
        used.parallelStream()
                .map(r -> extract(request, r))
                .toList()
                .forEach(rb -> byRecord.put(rb.number(), rb));

        List<SourceFile> files = new ArrayList<>();
        Map<String, String> leads = new LinkedHashMap<>();
        for (RecordBeats rb : byRecord.values()) {
            files.addAll(rb.files());
            leads.put(Integer.toString(rb.number()), rb.lead());
        }
        BeatTable trainPool = concat(train, byRecord, request);
        BeatTable testTable;
        if (request.protocol() == Protocol.INTRA) {
            StratifiedSplitter.Parts p = StratifiedSplitter.split(trainPool, request.testFraction(),
                    Seeds.random(request.seed(), "test-split"));
            trainPool = p.kept();
            testTable = p.heldOut();
        } else {
            testTable = concat(test, byRecord, request);
        }
        boolean validByRecords = request.validRecords() != null && !request.validRecords().isEmpty();
        BeatTable trainTable;
        BeatTable validTable;
        if (!validByRecords) {
            StratifiedSplitter.Parts v = StratifiedSplitter.split(trainPool, request.validFraction(),
                    Seeds.random(request.seed(), "valid-split"));
            trainTable = v.kept();
            validTable = v.heldOut();
        } else {
            List<Integer> fit = train.stream().filter(r -> !request.validRecords().contains(r)).toList();
            trainTable = concat(fit, byRecord, request);
            validTable = concat(request.validRecords(), byRecord, request);
        }
        Provenance provenance = new Provenance(request.protocol(), request.seed(),
                request.protocol() == Protocol.INTRA ? request.testFraction() : 0,
                validByRecords ? 0 : request.validFraction(),
                request.source().toString(), files, used.stream().sorted().toList(), leads,
                request.extraction(), null, Version.get(),
                validByRecords ? request.validRecords() : null);
        return new BeatDataset(provenance, trainTable, validTable, testTable);
    }

    /**
     * The request with its validation records decided: when it asks for the protocol's default, for
     * inter the default records among {@code train}, for intra none (a share of the beats).
     */
    private static BuildRequest withValidRecords(BuildRequest r, List<Integer> train) {
        if (r.validRecords() != null) {
            return r;
        }
        List<Integer> held = r.protocol() == Protocol.INTRA ? List.of()
                : Protocol.DEFAULT_VALID_RECORDS.stream().filter(train::contains).toList();
        if (held.size() == train.size()) {
            held = List.of(); // nothing left to train on: validation from a share of the beats
        }
        return new BuildRequest(r.source(), r.protocol(), r.records(), r.seed(), r.testFraction(), r.validFraction(),
                r.extraction(), held);
    }

    private static BeatTable concat(List<Integer> records, Map<Integer, RecordBeats> byRecord, BuildRequest r) {
        BeatTable.Builder b = new BeatTable.Builder(r.extraction().beatLength(), true);
        for (int rec : records) {
            b.addAll(byRecord.get(rec).beats());
        }
        return b.build();
    }

    private static RecordBeats extract(BuildRequest request, int number) {
        Path base = request.source().resolve(Integer.toString(number));
        WfdbRecord record = WfdbRecord.read(base);
        BeatExtractor.checkFrequency(record, base.resolveSibling(number + ".hea"));
        List<Annotation> annotations = AnnotationFile.read(base.resolveSibling(number + ".atr"));
        for (Annotation a : annotations) {
            // WFDB writes an annotation at the sample just past the last one (record.length()); beyond it, none
            if (a.sample() > record.length()) {
                throw BadInputException.inFile(base.resolveSibling(number + ".atr"), "annotation at sample "
                        + a.sample() + " lies past the record's end (" + record.length()
                        + " samples): annotations of another record?");
            }
        }
        BeatTable.Builder out = new BeatTable.Builder(request.extraction().beatLength(), true);
        try {
            new BeatExtractor(request.extraction()).extract(record, annotations, number, out);
        } catch (IllegalArgumentException e) {
            throw BadInputException.inFile(base.resolveSibling(number + ".atr"), e.getMessage());
        }
        int lead = BeatExtractor.leadIndex(record);
        String name = record.header().signals().get(lead).description();
        String leadNote = record.signalIndex("MLII") >= 0 ? name
                : name + " (no MLII signal; the first ECG signal is used)";
        List<SourceFile> files = new ArrayList<>();
        for (String ext : List.of(".hea", ".dat", ".atr")) {
            Path f = base.resolveSibling(number + ext);
            try {
                files.add(new SourceFile(f.getFileName().toString(), Files.size(f), Sha256.of(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new RecordBeats(number, out.build(), leadNote, files);
    }

    /** The requested records, checked to exist, or every record of the folder. */
    static List<Integer> resolveRecords(BuildRequest request) {
        Path dir = request.source();
        if (!Files.isDirectory(dir)) {
            throw BadInputException.about(BadInputException.Subject.SOURCE_FOLDER, dir, Files.exists(dir) ? "not a folder" : "no such folder");
        }
        if (!request.records().isEmpty()) {
            for (int r : request.records()) {
                for (String ext : List.of(".hea", ".atr")) {
                    if (!Files.exists(dir.resolve(r + ext))) {
                        throw new BadInputException("unknown record " + r + ": " + dir.resolve(r + ext) + " not found");
                    }
                }
            }
            return request.records().stream().distinct().sorted().toList();
        }
        List<Integer> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d+\\.hea"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .filter(n -> Files.exists(dir.resolve(n + ".atr")))
                    .forEach(n -> found.add(Integer.parseInt(n)));
        } catch (IOException e) {
            throw BadInputException.about(BadInputException.Subject.SOURCE_FOLDER, dir, "cannot list the folder: " + e.getMessage());
        }
        if (found.isEmpty()) {
            throw BadInputException.about(BadInputException.Subject.SOURCE_FOLDER, dir, "no WFDB records (NNN.hea with NNN.atr) in this folder");
        }
        return found.stream().sorted().toList();
    }
}
