package ecgbeats.train;

/** Precision, recall, F1 and support of one class. */
public record ClassMetrics(double precision, double recall, double f1, int support) {
}
