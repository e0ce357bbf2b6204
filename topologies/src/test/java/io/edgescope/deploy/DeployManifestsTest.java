package io.edgescope.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.edgescope.app.TopicProvisioner;
import io.edgescope.config.ConfigKey;
import io.edgescope.config.EdgeScopeConfig;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The deployment descriptions stay true to the code: topics, settings, ports, commands, files. */
class DeployManifestsTest {

    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final Path BASE = DEPLOY.resolve("k8s/base");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> ROLES = Set.of("all", "edge", "device", "ingest");

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    out.add(doc);
                }
            }
        }
        return out;
    }

    private static List<JsonNode> all() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(BASE)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                out.addAll(documents(f));
            }
        }
        return out;
    }

    private static List<JsonNode> ofKind(String kind) throws IOException {
        return all().stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    @Test
    void shouldDeclareEveryTopicWithThePartitionsAndConfigsTheAppCreatesItWith() throws IOException {
        Map<String, JsonNode> declared = ofKind("KafkaTopic").stream().collect(Collectors.toMap(t -> t.path("spec").path("topicName").asText(), t -> t));
        List<NewTopic> planned = TopicProvisioner.plan(EdgeScopeConfig.defaults());
        assertThat(declared.keySet()).containsExactlyInAnyOrderElementsOf(planned.stream().map(NewTopic::name).toList());
        for (NewTopic t : planned) {
            JsonNode spec = declared.get(t.name()).path("spec");
            assertThat(spec.path("partitions").asInt()).as(t.name()).isEqualTo(t.numPartitions());
            Map<String, String> configs = new HashMap<>();
            spec.path("config").fields().forEachRemaining(e -> configs.put(e.getKey(), e.getValue().asText()));
            assertThat(configs).as(t.name()).isEqualTo(t.configs());
        }
    }

    @Test
    void shouldLetTheBrokersCarryTheLargestRecordATopicAccepts() throws IOException {
        long broker = ofKind("Kafka").get(0).path("spec").path("kafka").path("config").path("message.max.bytes").asLong();
        long largest = TopicProvisioner.plan(EdgeScopeConfig.defaults()).stream()
                .mapToLong(t -> Long.parseLong(t.configs().getOrDefault("max.message.bytes", "0"))).max().orElse(0);
        assertThat(broker).isGreaterThanOrEqualTo(largest);
    }

    @Test
    void shouldOnlySetKeysTheAppKnowsWithValuesItAccepts() throws IOException {
        JsonNode map = ofKind("ConfigMap").get(0);
        Properties props = new Properties();
        props.load(new StringReader(map.path("data").path("edgescope.properties").asText()));
        Set<String> known = EdgeScopeConfig.KEYS.stream().map(ConfigKey::name).collect(Collectors.toSet());
        assertThat(props.stringPropertyNames()).isSubsetOf(known);
        Map<String, String> values = new HashMap<>();
        props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k)));
        EdgeScopeConfig config = EdgeScopeConfig.fromMap(values);
        for (JsonNode workload : Stream.concat(ofKind("Deployment").stream(), ofKind("DaemonSet").stream()).toList()) {
            for (JsonNode c : workload.path("spec").path("template").path("spec").path("containers")) {
                if (!"edgescope".equals(c.path("image").asText())) {
                    continue;
                }
                List<String> args = new ArrayList<>();
                c.path("args").forEach(a -> args.add(a.asText()));
                assertThat(args.get(0)).isEqualTo("run");
                assertThat(args.get(1)).isIn(ROLES);
                assertThat(args).contains("--config", "/etc/edgescope/edgescope.properties");
                assertThat(c.path("ports").get(0).path("containerPort").asInt()).isEqualTo(config.telemetryHttpPort());
                // every role serves its health on that port (OperationsEndpoints), so every role is probed
                assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo(io.edgescope.app.OperationsEndpoints.READY);
                assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo(io.edgescope.app.OperationsEndpoints.LIVE);
            }
        }
    }

    @Test
    void shouldListOnlyFilesThatExistAndParse() throws IOException {
        JsonNode kustomization = documents(BASE.resolve("kustomization.yaml")).get(0);
        for (JsonNode r : kustomization.path("resources")) {
            assertThat(BASE.resolve(r.asText())).exists();
        }
        JsonNode compose = documents(DEPLOY.resolve("compose/docker-compose.yml")).get(0);
        assertThat(compose.path("services").path("edgescope").path("ports").toString())
                .contains(":" + EdgeScopeConfig.defaults().telemetryHttpPort());
        Map<String, String> settings = new HashMap<>();
        JsonNode command = compose.path("services").path("edgescope").path("command");
        for (int i = 0; i + 1 < command.size(); i++) {
            if (command.get(i).asText().equals("-D")) {
                String kv = command.get(i + 1).asText();
                settings.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        assertThat(EdgeScopeConfig.fromMap(settings).registryAccess().server().users()).as("an exposed registry has users").isNotEmpty();
        assertThat(compose.path("services").path("kafka").path("environment").path("KAFKA_MESSAGE_MAX_BYTES").asLong())
                .isGreaterThanOrEqualTo(Long.parseLong(TopicProvisioner.plan(EdgeScopeConfig.defaults()).get(0).configs().get("max.message.bytes")));
    }
}
