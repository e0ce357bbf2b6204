package io.edgescope.app;

import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.topics.TopicDef;
import io.edgescope.topics.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the pipeline's topics with their partitions, retention and large-message settings, if missing. */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long TIMEOUT_SECONDS = 30;

    private TopicProvisioner() {
    }

    /** The topics to create, with settings resolved from {@code config}. */
    public static List<NewTopic> plan(EdgeScopeConfig config) {
        return Topics.PIPELINE.stream().map(def -> newTopic(def, config)).toList();
    }

    public static void ensure(Admin admin, EdgeScopeConfig config) {
        plan(config).forEach(topic -> create(admin, topic));
    }

    /** Creates a site's frame topic, with the frame topic's settings, if missing. */
    public static void ensureFrameTopic(Admin admin, EdgeScopeConfig config, String name) {
        NewTopic frames = newTopic(Topics.FRAMES, config);
        create(admin, new NewTopic(name, frames.numPartitions(), frames.replicationFactor()).configs(frames.configs()));
    }

    private static void create(Admin admin, NewTopic topic) {
        try {
            admin.createTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.info("Created topic {} ({} partitions, {})", topic.name(), topic.numPartitions(), topic.configs());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new KafkaUnavailableException("Cannot create topic " + topic.name() + ": " + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new KafkaUnavailableException("Kafka did not answer within " + TIMEOUT_SECONDS
                    + " s while creating topic " + topic.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("Interrupted creating topics", e);
        }
    }

    private static NewTopic newTopic(TopicDef<?> def, EdgeScopeConfig config) {
        Map<String, String> configs = new HashMap<>(def.configs());
        if (Topics.FRAME_SIZED.contains(def)) {
            configs.putAll(KafkaClientSettings.frameTopicConfigs(config));
        }
        int partitions = Topics.KEYED_BY_STREAM.contains(def) ? config.framePartitions() : def.defaultPartitions();
        return new NewTopic(def.name(), Optional.of(partitions), Optional.empty()).configs(configs);
    }
}
