package io.edgescope.ingest;

/**
 * Where an ingest run stands.
 *
 * @param framesSent frames acknowledged by Kafka
 * @param framesSkipped frames not sent (over the size limit), each logged
 * @param bytesSent image bytes acknowledged
 * @param elapsedMillis time since the first frame
 */
public record IngestProgress(String streamId, long framesSent, long framesSkipped, long bytesSent, long elapsedMillis,
                             long totalFrames) {

    private static final double MILLIS_PER_SECOND = 1000.0;

    public double fps() {
        return elapsedMillis == 0 ? 0 : framesSent * MILLIS_PER_SECOND / elapsedMillis;
    }
}
