package ecgbeats.data;

/** A file a dataset was made from, with its size and SHA-256 (hex), for provenance. */
public record SourceFile(String name, long bytes, String sha256) {
}
