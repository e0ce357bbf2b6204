package io.edgescope.ingest;

import io.edgescope.schemas.CameraSource;
import io.edgescope.topics.Topics;
import java.time.Instant;

/** A camera source record as the CLI and the console write it, checked the same way for both. */
public final class CameraSources {

    private CameraSources() {
    }

    /**
     * @param fps frames per second to send at; null: the source's own rate; 0: as fast as possible
     * @param site the site whose frame topic it feeds, or null
     */
    public static CameraSource of(String streamId, String url, Float fps, String site, boolean loop, Instant now) {
        if (streamId == null || streamId.isBlank() || url == null || url.isBlank()) {
            throw new IllegalArgumentException("a source needs a stream id and a url");
        }
        if (site != null) {
            Topics.frameTopic(site);
        }
        if (fps != null && fps < 0) {
            throw new IllegalArgumentException("fps must be 0 (as fast as possible) or positive");
        }
        return CameraSource.newBuilder().setStreamId(streamId).setUrl(url).setFps(fps).setSite(site).setLoop(loop).setUpdatedAt(now).build();
    }
}
