package io.edgescope.topology;

import io.edgescope.schemas.StreamProfile;
import io.edgescope.schemas.VariantPolicy;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global store of stream profiles, refusing bad ones (unknown variant, no variant for a
 * FIXED policy, key and stream id differing): the processing exception handler logs them with their
 * topic, partition and offset and the stream keeps its last good profile (the global thread has no
 * producer, so they cannot reach the dead-letter topic). Asks for the profile's variant to be loaded
 * ahead of its first frame.
 */
final class ProfileUpdater implements Processor<String, StreamProfile, Void, Void> {

    private final DetectorProvider detectors;
    private KeyValueStore<String, StreamProfile> store;

    ProfileUpdater(DetectorProvider detectors) {
        this.detectors = detectors;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(DetectionTopology.PROFILE_STORE);
    }

    @Override
    public void process(Record<String, StreamProfile> record) {
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
            detectors.prepare(variant);
        }
        store.put(record.key(), profile);
    }
}
