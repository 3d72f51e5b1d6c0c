package ecgbeats.data.fetch;

import ecgbeats.util.AtomicFile;
import ecgbeats.util.BadInputException;
import ecgbeats.util.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Downloads WFDB record files from a PhysioNet database folder and checks each against the
 * folder's {@code SHA256SUMS.txt}. A download goes to {@code NAME.part} and is moved to
 * {@code NAME} only once its hash matches, so a file under its real name is always complete;
 * an interrupted download resumes from the {@code .part} file with an HTTP range request.
 * Files already present with the right hash are not downloaded again.
 */
public final class Fetcher {

    /** The MIT-BIH Arrhythmia Database v1.0.0 on PhysioNet. */
    public static final String MITDB_URL = "https://physionet.org/files/mitdb/1.0.0/";
    static final String SUMS = "SHA256SUMS.txt";

    private final URI base;
    private final HttpClient http;
    private final Consumer<String> log;

    public Fetcher(URI base, Consumer<String> log) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.log = log;
    }

    /** What a fetch did. */
    public record Result(int downloaded, int alreadyPresent, int resumed, long bytes) {
    }

    /**
     * Fetches the .hea, .dat and .atr files of {@code records} (all records in the hash list
     * when empty) into {@code out}.
     */
    public Result fetch(Path out, List<String> records) throws IOException, InterruptedException {
        Map<String, String> sums = parseSums(get(SUMS));
        Map<String, String> wanted = new LinkedHashMap<>();
        List<String> known = new ArrayList<>();
        for (String name : sums.keySet()) {
            if (name.matches("\\d+\\.(hea|dat|atr)")) {
                String rec = name.substring(0, name.indexOf('.'));
                if (!known.contains(rec)) {
                    known.add(rec);
                }
                if (records.isEmpty() || records.contains(rec)) {
                    wanted.put(name, sums.get(name));
                }
            }
        }
        for (String r : records) {
            if (!known.contains(r)) {
                throw BadInputException.about(BadInputException.Subject.RECORDS, r, "unknown record (not in " + base.resolve(SUMS) + ")");
            }
        }
        Files.createDirectories(out);
        int downloaded = 0;
        int present = 0;
        int resumed = 0;
        long bytes = 0;
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            Path target = out.resolve(e.getKey());
            if (Files.exists(target) && Sha256.of(target).equals(e.getValue())) {
                present++;
                continue;
            }
            Path part = out.resolve(e.getKey() + ".part");
            boolean resuming = Files.exists(part) && Files.size(part) > 0;
            bytes += download(e.getKey(), part);
            String hash = Sha256.of(part);
            if (!hash.equals(e.getValue()) && resuming) {
                // the partial file was not a prefix of this file: start again once
                log.accept(e.getKey() + ": resumed download does not match its SHA-256, downloading again");
                Files.delete(part);
                resuming = false;
                bytes += download(e.getKey(), part);
                hash = Sha256.of(part);
            }
            if (!hash.equals(e.getValue())) {
                Files.deleteIfExists(part);
                throw new IOException(base.resolve(e.getKey()) + ": SHA-256 mismatch (got " + hash + ", expected "
                        + e.getValue() + "); nothing was kept");
            }
            AtomicFile.moveIntoPlace(part, target);
            downloaded++;
            resumed += resuming ? 1 : 0;
            log.accept(e.getKey() + (resuming ? " (resumed)" : "") + " ok");
        }
        // the list of hashes, so that the folder can be checked later with sha256sum -c
        StringBuilder list = new StringBuilder();
        wanted.forEach((name, hash) -> list.append(hash).append("  ").append(name).append('\n'));
        AtomicFile.writeString(out.resolve("SHA256SUMS"), list.toString());
        return new Result(downloaded, present, resumed, bytes);
    }

    /** Parses "hash  name" lines (sha256sum's format; a '*' before the name marks binary mode). */
    static Map<String, String> parseSums(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            String[] f = line.trim().split("\\s+", 2);
            if (f.length == 2 && f[0].matches("[0-9a-fA-F]{64}")) {
                m.put(f[1].startsWith("*") ? f[1].substring(1) : f[1], f[0].toLowerCase());
            }
        }
        if (m.isEmpty()) {
            throw new BadInputException(SUMS + " lists no files: is the address a PhysioNet database folder?");
        }
        return m;
    }

    /** {@code http.send}, with a failure to connect named by its address (the network is unreachable, or the host). */
    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        try {
            return http.send(request, body);
        } catch (java.net.ConnectException | java.net.UnknownHostException | java.net.http.HttpConnectTimeoutException e) {
            throw new IOException("cannot reach " + request.uri() + " (no network, or the host is unreachable: "
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private String get(String name) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = send(request(name).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException(base.resolve(name) + ": HTTP " + r.statusCode());
        }
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** Appends the rest of {@code name} to {@code part}; returns the bytes received. */
    private long download(String name, Path part) throws IOException, InterruptedException {
        long have = Files.exists(part) ? Files.size(part) : 0;
        HttpRequest.Builder rq = request(name);
        if (have > 0) {
            rq.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> r = send(rq.build(), HttpResponse.BodyHandlers.ofInputStream());
        boolean append;
        if (r.statusCode() == 206) {
            append = true;
        } else if (r.statusCode() == 200) {
            append = false; // the server ignored the range: take the whole file
        } else if (r.statusCode() == 416 && have > 0) {
            r.body().close();
            return 0; // already complete
        } else {
            r.body().close();
            throw new IOException(base.resolve(name) + ": HTTP " + r.statusCode());
        }
        long received = 0;
        try (InputStream in = r.body();
             OutputStream os = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                os.write(buf, 0, n);
                received += n;
            }
        }
        return received;
    }

    private HttpRequest.Builder request(String name) {
        return HttpRequest.newBuilder(base.resolve(name)).timeout(Duration.ofMinutes(5)).GET();
    }

}
