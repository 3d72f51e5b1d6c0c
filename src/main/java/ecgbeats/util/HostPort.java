package ecgbeats.util;

/** A network address written HOST:PORT (a name or an IPv4 address, a port from 1 to 65535). */
public record HostPort(String host, int port) {

    /**
     * Parses {@code HOST:PORT}.
     *
     * @throws IllegalArgumentException naming what is wrong with {@code s}
     */
    public static HostPort parse(String s) {
        int colon = s.lastIndexOf(':');
        if (!s.matches("[^:\\s]+:\\d{1,5}")) {
            throw new IllegalArgumentException(s + ": expected HOST:PORT");
        }
        int port = Integer.parseInt(s.substring(colon + 1));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(s + ": the port must be 1 to 65535");
        }
        return new HostPort(s.substring(0, colon), port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
