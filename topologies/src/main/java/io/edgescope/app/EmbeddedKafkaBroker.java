package io.edgescope.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka KRaft server (combined broker + controller) running in this
 * process, with its data under a local folder so topics survive a restart. For the one-machine
 * default; production uses {@code --bootstrap} and a real cluster.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = FreePorts.HOST;
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final String SINGLE_REPLICA = "1";
    private static final String META_PROPERTIES = "meta.properties";
    private static final String APPENDED_KEYS_DOC = "listeners, advertised.listeners, listener.security.protocol.map";
    private static final List<String> APPENDED_KEYS = List.of(APPENDED_KEYS_DOC.split(", "));
    private static final String LISTENERS = "listeners";
    /** The port of each listener in a listener list ({@code NAME://host:port,...}). */
    private static final Pattern LISTENER_PORT = Pattern.compile(":(\\d+)(?=,|$)");

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats {@code dataDir} on first use and starts the node.
     *
     * @param port client port (0 picks a free one)
     * @param maxMessageBytes largest record batch the broker accepts (frames are big)
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port, int maxMessageBytes) {
        return start(dataDir, port, maxMessageBytes, Map.of());
    }

    /**
     * {@link #start(Path, int, int)} with extra server properties ({@code broker.*} settings): they
     * replace the defaults, except the listener lists ({@value #APPENDED_KEYS_DOC}), which they extend,
     * so the node keeps its loopback PLAINTEXT and CONTROLLER listeners beside e.g. a SASL_SSL one.
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port, int maxMessageBytes, Map<String, String> overrides) {
        long started = System.nanoTime();
        // a free port is free again once probed: the node's own ports must also differ from the ports the overrides name
        Set<Integer> taken = portsNamedIn(overrides.getOrDefault(LISTENERS, ""));
        int clientPort = port == 0 ? FreePorts.besides(taken) : port;
        taken.add(clientPort);
        int controllerPort = FreePorts.besides(taken);
        Path logDir = dataDir.toAbsolutePath().resolve("kafka");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Kafka data folder " + logDir, e);
        }
        Properties props = serverProperties(logDir, clientPort, controllerPort, maxMessageBytes);
        overrides.forEach((k, v) -> props.put(k, APPENDED_KEYS.contains(k) ? props.getProperty(k) + "," + v : v));
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        format(logDir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        String bootstrap = HOST + ":" + clientPort;
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, bootstrap);
        broker.awaitReady();
        LOG.info("Kafka {} (KRaft, single node) ready at {} in {} ms, data in {}", kafkaVersion(), bootstrap,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), logDir);
        return broker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Kafka at {} stopped", bootstrapServers);
    }

    static Properties serverProperties(Path logDir, int clientPort, int controllerPort, int maxMessageBytes) {
        Properties p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", Integer.toString(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort),
                Map.entry(LISTENERS, BROKER_LISTENER + "://" + HOST + ":" + clientPort + ","
                        + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort),
                Map.entry("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + clientPort),
                Map.entry("controller.listener.names", CONTROLLER_LISTENER),
                Map.entry("inter.broker.listener.name", BROKER_LISTENER),
                Map.entry("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("offsets.topic.replication.factor", SINGLE_REPLICA),
                Map.entry("transaction.state.log.replication.factor", SINGLE_REPLICA),
                Map.entry("transaction.state.log.min.isr", SINGLE_REPLICA),
                Map.entry("share.coordinator.state.topic.replication.factor", SINGLE_REPLICA),
                Map.entry("share.coordinator.state.topic.min.isr", SINGLE_REPLICA),
                Map.entry("min.insync.replicas", SINGLE_REPLICA),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("message.max.bytes", Integer.toString(maxMessageBytes)),
                Map.entry("num.partitions", "1")));
        return p;
    }

    /** Formats a new data folder; a formatted one keeps its cluster id and data. */
    private static void format(Path logDir) {
        if (Files.exists(logDir.resolve(META_PROPERTIES))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + logDir + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("Embedded Kafka did not become ready at " + bootstrapServers, e);
        }
    }

    static Set<Integer> portsNamedIn(String listeners) {
        Set<Integer> out = new HashSet<>();
        Matcher m = LISTENER_PORT.matcher(listeners);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    private static String kafkaVersion() {
        return org.apache.kafka.common.utils.AppInfoParser.getVersion();
    }
}
