package io.edgescope.topology;

import io.edgescope.schemas.StreamProfile;
import io.edgescope.schemas.VariantPolicy;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global store of stream profiles, refusing bad ones (unknown variant, no variant for a
 * FIXED policy, key and stream id differing) to {@code edgescope.stream-profiles.dlq} with the reason,
 * so the stream keeps its last good profile. Asks for the profile's variant to be loaded ahead of
 * its first frame.
 */
final class ProfileUpdater implements Processor<String, byte[], Void, Void> {

    private final DetectorProvider detectors;
    private final DeadLetters deadLetters;
    private final Serde<StreamProfile> serde;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, StreamProfile> store;

    ProfileUpdater(DetectorProvider detectors, DeadLetters deadLetters, Serde<StreamProfile> serde) {
        this.detectors = detectors;
        this.deadLetters = deadLetters;
        this.serde = serde;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        store = context.getStateStore(DetectionTopology.PROFILE_STORE);
    }

    /** Reads the raw record itself, so that an unreadable profile reaches the dead-letter topic too. */
    @Override
    public void process(Record<String, byte[]> raw) {
        RecordMetadata meta = context.recordMetadata().orElseThrow();
        byte[] key = raw.key() == null ? null : raw.key().getBytes(StandardCharsets.UTF_8);
        try {
            StreamProfile profile = readProfile(meta.topic(), raw.value());
            apply(raw.withValue(profile), failure -> deadLetters.publish(meta.topic(), meta.partition(), meta.offset(), key, raw.value(),
                    new InvalidProfileException("variant of stream " + raw.key() + " failed to load (" + failure.getMessage()
                            + "); the stream keeps its current variant")));
        } catch (InvalidProfileException e) {
            deadLetters.publish(meta.topic(), meta.partition(), meta.offset(), key, raw.value(), e);
        }
    }

    private StreamProfile readProfile(String topic, byte[] value) {
        try {
            return serde.deserializer().deserialize(topic, value);
        } catch (SerializationException e) {
            throw new InvalidProfileException("unreadable profile: " + e.getMessage());
        }
    }

    private void apply(Record<String, StreamProfile> record, java.util.function.Consumer<Exception> onLoadFailure) {
        StreamProfile profile = record.value();
        if (profile == null) {
            store.delete(record.key());
            return;
        }
        if (!profile.getStreamId().equals(record.key())) {
            throw new InvalidProfileException("profile key '" + record.key() + "' differs from its streamId '"
                    + profile.getStreamId() + "'");
        }
        if (profile.getPolicy() == VariantPolicy.FIXED) {
            String variant = profile.getVariantId();
            if (variant == null || !detectors.knows(variant)) {
                throw new InvalidProfileException("profile of stream " + record.key() + " names unknown variant '" + variant
                        + "'; the stream keeps its previous profile");
            }
            detectors.prepare(variant, onLoadFailure);
        }
        store.put(record.key(), profile);
    }
}
