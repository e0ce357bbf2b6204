package io.edgescope.cli;

import io.edgescope.config.EdgeScopeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.Option;

/** Options every command shares: where Kafka and the registry are, config, models, verbosity. */
final class CommonOptions {

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers. Without it, demo/run start a local broker; other commands use localhost:9092.")
    String bootstrap;

    @Option(names = "--registry", paramLabel = "URL",
            description = "Schema registry URL. Without it, demo/run serve one; other commands use http://localhost:8081.")
    String registry;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with EdgeScope settings (see docs/config.md).")
    Path configFile;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE", description = "Set one setting (repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--models", paramLabel = "DIR", description = "Folder with yolox_nano.onnx (and vtest.avi).")
    Path modelsDir;

    @Option(names = "--variant", paramLabel = "ID",
            description = "Detector variant, e.g. yolox-nano-320 (see edgescope variants; default: yolox-nano-416).")
    String variant;

    @Option(names = "--verbose", description = "Debug logging and stack traces on errors.")
    boolean verbose;

    /** The settings from file, then -D, then the dedicated flags. */
    EdgeScopeConfig config() {
        Map<String, String> values = new LinkedHashMap<>();
        if (configFile != null) {
            Properties props = new Properties();
            try (InputStream in = Files.newInputStream(configFile)) {
                props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read config file " + configFile, e);
            }
            props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k)));
        }
        values.putAll(settings);
        if (bootstrap != null) {
            values.put(EdgeScopeConfig.BOOTSTRAP_SERVERS.name(), bootstrap);
        }
        if (registry != null) {
            values.put(EdgeScopeConfig.SCHEMA_REGISTRY_URL.name(), registry);
        }
        if (variant != null) {
            values.put(EdgeScopeConfig.DETECTOR_VARIANT.name(), variant);
        }
        return EdgeScopeConfig.fromMap(values);
    }

    /** For client-only commands: the configured cluster, else the local default that {@code run}/{@code demo} serve. */
    EdgeScopeConfig clientConfig() {
        EdgeScopeConfig config = config();
        Map<String, String> fill = new LinkedHashMap<>();
        if (config.externalBootstrap().isEmpty()) {
            fill.put(EdgeScopeConfig.BOOTSTRAP_SERVERS.name(), "localhost:" + config.brokerPort());
        }
        if (config.externalRegistry().isEmpty()) {
            fill.put(EdgeScopeConfig.SCHEMA_REGISTRY_URL.name(), "http://localhost:" + config.registryPort());
        }
        return config.with(fill);
    }

    /** {@link #clientConfig()}, after checking its cluster answers (a clear error if not). */
    EdgeScopeConfig reachableClientConfig() {
        EdgeScopeConfig config = clientConfig();
        io.edgescope.app.Platform.checkReachable(config.bootstrapServers(), config);
        return config;
    }

    Optional<Path> models() {
        return Optional.ofNullable(modelsDir);
    }
}
