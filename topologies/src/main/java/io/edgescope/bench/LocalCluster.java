package io.edgescope.bench;

import io.edgescope.app.EmbeddedKafkaBroker;
import io.edgescope.app.FreePorts;
import io.edgescope.app.KafkaClientSettings;
import io.edgescope.app.Platform;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.registry.CompatibilityLevel;
import io.edgescope.registry.EmbeddedSchemaRegistry;
import io.edgescope.registry.KafkaSchemaLog;
import io.edgescope.registry.SchemaStore;
import io.edgescope.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A broker and a schema registry of a benchmark's own, on fixed ports and data, so either can be
 * restarted in place; processes started against it see the same addresses throughout.
 */
public final class LocalCluster implements AutoCloseable {

    private static final String HOST = FreePorts.HOST;

    private final Path dir;
    private final int brokerPort = FreePorts.any();
    private final int registryPort = FreePorts.besides(Set.of(brokerPort));
    private final int maxBytes = KafkaClientSettings.maxRecordBytes(EdgeScopeConfig.defaults());
    private EmbeddedKafkaBroker broker;
    private EmbeddedSchemaRegistry registry;

    private LocalCluster(Path dir) {
        this.dir = dir;
    }

    /** A folder for this run's processes (state directories), deleted with the cluster on close. */
    public Path folder(String name) throws IOException {
        return Files.createDirectories(dir.resolve("work").resolve(name));
    }

    /** Starts both in a new temporary folder (deleted on close). */
    public static LocalCluster start() throws IOException {
        LocalCluster c = new LocalCluster(Files.createTempDirectory("edgescope-bench-cluster"));
        c.broker = EmbeddedKafkaBroker.start(c.dir.resolve("broker"), c.brokerPort, c.maxBytes);
        c.registry = c.startRegistry();
        return c;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    /** A platform on this cluster (creates the topics); {@code settings} over the defaults. */
    public Platform platform(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put(EdgeScopeConfig.BOOTSTRAP_SERVERS.name(), bootstrapServers());
        all.put(EdgeScopeConfig.SCHEMA_REGISTRY_URL.name(), registryUrl());
        return Platform.start(EdgeScopeConfig.fromMap(all));
    }

    public void restartBroker() {
        broker.close();
        broker = EmbeddedKafkaBroker.start(dir.resolve("broker"), brokerPort, maxBytes);
    }

    public void restartRegistry() {
        registry.close();
        registry = startRegistry();
    }

    private EmbeddedSchemaRegistry startRegistry() {
        return EmbeddedSchemaRegistry.start(new SchemaStore(new KafkaSchemaLog(KafkaClientSettings.common(bootstrapServers()), Topics.SCHEMAS,
                (short) 1), CompatibilityLevel.BACKWARD), HOST, registryPort);
    }

    @Override
    public void close() {
        registry.close();
        broker.close();
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
