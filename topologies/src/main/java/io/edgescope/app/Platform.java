package io.edgescope.app;

import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.registry.CompatibilityLevel;
import io.edgescope.registry.EmbeddedSchemaRegistry;
import io.edgescope.registry.KafkaSchemaLog;
import io.edgescope.registry.SchemaRegistryClient;
import io.edgescope.registry.SchemaRegistryClients;
import io.edgescope.registry.SchemaStore;
import io.edgescope.topics.Topics;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka cluster and schema registry the pipeline runs on: the ones configured, or a real
 * single-node broker and an embedded registry started here when none is configured. Creates the
 * pipeline's topics. Closing stops only what it started.
 */
public final class Platform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);
    private static final long REACH_TIMEOUT_MS = 10_000;
    private static final int MAX_SCHEMA_REPLICAS = 3;

    private final EdgeScopeConfig config;
    private final Optional<EmbeddedKafkaBroker> broker;
    private final Optional<EmbeddedSchemaRegistry> embeddedRegistry;
    private final String bootstrapServers;
    private final String registryUrl;
    private final SchemaRegistryClient registry;

    private Platform(EdgeScopeConfig config, Optional<EmbeddedKafkaBroker> broker, Optional<EmbeddedSchemaRegistry> embeddedRegistry,
                     String bootstrapServers, String registryUrl) {
        this.config = config;
        this.broker = broker;
        this.embeddedRegistry = embeddedRegistry;
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.registry = SchemaRegistryClients.create(config.registryAccess().client(registryUrl));
    }

    /** Connects to (or starts) Kafka and the registry, and makes sure the topics exist. */
    public static Platform start(EdgeScopeConfig config) {
        Optional<EmbeddedKafkaBroker> broker = Optional.empty();
        Optional<EmbeddedSchemaRegistry> embedded = Optional.empty();
        try {
            String bootstrap;
            if (config.externalBootstrap().isPresent()) {
                bootstrap = config.externalBootstrap().get();
                checkReachable(bootstrap, config);
            } else {
                broker = Optional.of(EmbeddedKafkaBroker.start(config.dataDir(), config.brokerPort(),
                        KafkaClientSettings.maxRecordBytes(config), config.brokerProperties()));
                bootstrap = broker.get().bootstrapServers();
            }
            short replicas;
            try (Admin admin = Admin.create(KafkaClientSettings.common(bootstrap, config))) {
                TopicProvisioner.ensure(admin, config);
                replicas = (short) Math.min(MAX_SCHEMA_REPLICAS, admin.describeCluster().nodes().get().size());
            } catch (ExecutionException e) {
                throw new KafkaUnavailableException("Cannot describe Kafka cluster at " + bootstrap, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaUnavailableException("Interrupted connecting to " + bootstrap, e);
            }
            String url;
            if (config.externalRegistry().isPresent()) {
                url = config.externalRegistry().get();
                checkRegistry(config.registryAccess().client(url));
            } else {
                SchemaStore store = new SchemaStore(new KafkaSchemaLog(KafkaClientSettings.common(bootstrap, config), Topics.SCHEMAS, replicas),
                        CompatibilityLevel.BACKWARD);
                embedded = Optional.of(EmbeddedSchemaRegistry.start(store, config.registryAccess().host(), config.registryPort(),
                        config.registryAccess().server()));
                url = embedded.get().url();
                LOG.info("Schema registry (embedded, schemas in topic {}) at {}", Topics.SCHEMAS, url);
            }
            return new Platform(config, broker, embedded, bootstrap, url);
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedSchemaRegistry::close);
            broker.ifPresent(EmbeddedKafkaBroker::close);
            throw e;
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String registryUrl() {
        return registryUrl;
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    public EdgeScopeConfig config() {
        return config;
    }

    @Override
    public void close() {
        embeddedRegistry.ifPresent(EmbeddedSchemaRegistry::close);
        broker.ifPresent(EmbeddedKafkaBroker::close);
    }

    /** Fails with a clear message when no Kafka answers at {@code bootstrap}. */
    public static void checkReachable(String bootstrap, EdgeScopeConfig config) {
        Map<String, Object> props = KafkaClientSettings.common(bootstrap, config);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REACH_TIMEOUT_MS);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REACH_TIMEOUT_MS);
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().clusterId().get(REACH_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("Interrupted connecting to Kafka at " + bootstrap, e);
        } catch (Exception e) {
            KafkaSecurityErrors.rethrowIfRefused(e, bootstrap);
            throw new KafkaUnavailableException("Cannot reach Kafka at " + bootstrap + " within "
                    + REACH_TIMEOUT_MS / 1000 + " s: check --bootstrap and that the brokers are running", e);
        }
    }

    /** Fails with a {@link io.edgescope.registry.SchemaRegistryException} naming the URL when no registry answers. */
    private static void checkRegistry(io.edgescope.registry.RegistryClientSettings settings) {
        SchemaRegistryClients.create(settings).subjects();
    }
}
