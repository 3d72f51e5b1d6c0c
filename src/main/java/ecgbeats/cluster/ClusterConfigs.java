package ecgbeats.cluster;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.SerializationConfig;

/**
 * Hazelcast configuration for a study's coordinator (an embedded member) and its workers
 * (clients): a cluster name per study, no multicast or discovery, the listen address only,
 * Compact serialization for the project's own message types and nothing else (Java
 * serialization is refused whatever the class), quick failure detection.
 */
final class ClusterConfigs {

    /** How long a silent worker (no heartbeat) keeps its trial. */
    static final int HEARTBEAT_TIMEOUT_SECONDS = 15;

    private ClusterConfigs() {
    }

    static Config member(String clusterName, String host, int port, boolean portAutoIncrement) {
        quiet();
        Config c = new Config();
        c.setClusterName(clusterName);
        c.setInstanceName("ecgbeats-coordinator-" + clusterName);
        common(c.getSerializationConfig());
        c.setProperty("hazelcast.logging.type", logging());
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.socket.bind.any", "false");
        c.setProperty("hazelcast.local.localAddress", host);
        c.setProperty("hazelcast.client.max.no.heartbeat.seconds", Integer.toString(HEARTBEAT_TIMEOUT_SECONDS));
        c.setProperty("hazelcast.client.endpoint.remove.delay.seconds", "1");
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        NetworkConfig n = c.getNetworkConfig();
        n.setPort(port).setPortAutoIncrement(portAutoIncrement).setPortCount(20);
        n.getJoin().getMulticastConfig().setEnabled(false);
        n.getJoin().getAutoDetectionConfig().setEnabled(false);
        n.getJoin().getTcpIpConfig().setEnabled(true).addMember(host);
        n.getInterfaces().setEnabled(true).addInterface(host);
        n.getRestApiConfig().setEnabled(false);
        c.getJetConfig().setEnabled(false);
        return c;
    }

    static ClientConfig client(String clusterName, String address, long connectTimeoutMillis) {
        quiet();
        ClientConfig c = new ClientConfig();
        c.setClusterName(clusterName);
        common(c.getSerializationConfig());
        c.setProperty("hazelcast.logging.type", logging());
        c.setProperty("hazelcast.client.heartbeat.interval", "2000");
        c.setProperty("hazelcast.client.heartbeat.timeout", Long.toString(HEARTBEAT_TIMEOUT_SECONDS * 1000L));
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        c.getNetworkConfig().addAddress(address).setSmartRouting(false);
        c.getConnectionStrategyConfig().getConnectionRetryConfig()
                .setClusterConnectTimeoutMillis(connectTimeoutMillis).setInitialBackoffMillis(200)
                .setMaxBackoffMillis(2000);
        return c;
    }

    private static void common(SerializationConfig s) {
        ClassFilter ours = new ClassFilter().addPrefixes(Messages.class.getName());
        s.setJavaSerializationFilterConfig(new JavaSerializationFilterConfig().setDefaultsDisabled(true)
                .setWhitelist(new ClassFilter()).setBlacklist(new ClassFilter().addPrefixes("")));
        s.getCompactSerializationConfig().setClasses(Messages.WorkRequest.class, Messages.Assignment.class,
                Messages.Report.class, Messages.Verdict.class, Messages.FileBlob.class);
        s.getCompactSerializationConfig().setZeroConfigFilter(new JavaSerializationFilterConfig()
                .setDefaultsDisabled(true).setWhitelist(ours));
    }

    /** Hazelcast reads its logging type from a system property before any configuration. */
    private static void quiet() {
        if (System.getProperty("hazelcast.logging.type") == null) {
            System.setProperty("hazelcast.logging.type", logging());
        }
    }

    private static String logging() {
        return Boolean.getBoolean("ecgbeats.debug") ? "jdk" : "none";
    }
}
