package ecgbeats.data.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import ecgbeats.TestData;
import ecgbeats.util.BadInputException;
import ecgbeats.util.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fetches from a PhysioNet-like HTTP server on loopback that serves the bundled records. */
class FetcherTest {

    @TempDir
    Path out;

    private HttpServer server;
    private URI base;
    private final List<String> ranges = Collections.synchronizedList(new ArrayList<>());
    /** A file name whose served bytes get one flipped bit, to play a corrupt mirror. */
    private volatile String corrupt;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/files/mitdb/1.0.0/", this::serve);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/files/mitdb/1.0.0/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(HttpExchange ex) throws IOException {
        String name = ex.getRequestURI().getPath().substring("/files/mitdb/1.0.0/".length());
        Path file = TestData.bundled().resolve(name.equals("SHA256SUMS.txt") ? "SHA256SUMS" : name);
        if (!Files.isRegularFile(file)) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        byte[] body = Files.readAllBytes(file);
        if (name.equals(corrupt)) {
            body[body.length / 3] ^= 0x04;
        }
        String range = ex.getRequestHeaders().getFirst("Range");
        int from = 0;
        if (range != null) {
            ranges.add(name + " " + range);
            from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
            ex.sendResponseHeaders(206, body.length - from);
        } else {
            ex.sendResponseHeaders(200, body.length);
        }
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body, from, body.length - from);
        }
    }

    @Test
    void downloadsAndVerifiesTheRequestedRecords() throws Exception {
        Fetcher.Result r = new Fetcher(base, s -> { }).fetch(out, List.of("213", "232"));
        assertEquals(6, r.downloaded());
        for (String f : List.of("213.hea", "213.dat", "213.atr", "232.hea", "232.dat", "232.atr")) {
            assertArrayEquals(Files.readAllBytes(TestData.bundled().resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
        assertFalse(Files.exists(out.resolve("208.dat")));
        assertTrue(Files.readString(out.resolve("SHA256SUMS")).contains(Sha256.of(out.resolve("213.dat")) + "  213.dat"));

        Fetcher.Result again = new Fetcher(base, s -> { }).fetch(out, List.of("213", "232"));
        assertEquals(0, again.downloaded());
        assertEquals(6, again.alreadyPresent());
    }

    @Test
    void anUnreachableServerIsNamedWithItsAddress() throws Exception {
        java.net.URI nowhere;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            nowhere = java.net.URI.create("http://127.0.0.1:" + free.getLocalPort() + "/mitdb/");
        } // closed again: nothing listens there now
        java.net.URI base = nowhere;
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> new Fetcher(base, s -> { }).fetch(out, List.of("213")));
        assertTrue(e.getMessage().startsWith("cannot reach " + nowhere + "SHA256SUMS.txt (no network"), e.getMessage());
    }

    @Test
    void resumesAPartialDownloadWithARangeRequest() throws Exception {
        byte[] full = Files.readAllBytes(TestData.bundled().resolve("217.dat"));
        Files.write(out.resolve("217.dat.part"), Arrays.copyOf(full, 700_001));
        Fetcher.Result r = new Fetcher(base, s -> { }).fetch(out, List.of("217"));
        assertEquals(1, r.resumed());
        assertEquals(List.of("217.dat bytes=700001-"), ranges);
        assertArrayEquals(full, Files.readAllBytes(out.resolve("217.dat")));
        assertFalse(Files.exists(out.resolve("217.dat.part")));
    }

    @Test
    void aFileThatFailsItsHashIsNeverKept() {
        corrupt = "232.dat";
        IOException e = assertThrows(IOException.class, () -> new Fetcher(base, s -> { }).fetch(out, List.of("232")));
        assertTrue(e.getMessage().contains("232.dat: SHA-256 mismatch"), e.getMessage());
        assertFalse(Files.exists(out.resolve("232.dat")));
        assertFalse(Files.exists(out.resolve("232.dat.part")));
    }

    @Test
    void anUnknownRecordIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> new Fetcher(base, s -> { }).fetch(out, List.of("999")));
        assertTrue(e.getMessage().startsWith("records 999: unknown record"), e.getMessage());
    }
}
