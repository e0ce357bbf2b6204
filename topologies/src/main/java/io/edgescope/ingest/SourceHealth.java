package io.edgescope.ingest;

import java.time.Instant;

/**
 * How one camera source is doing.
 *
 * @param framesSent frames published since the source was added (across reconnects)
 * @param lastError why the last attempt failed, or null
 * @param since when the source entered this state
 */
public record SourceHealth(String streamId, String url, State state, long framesSent, String lastError, Instant since) {

    /** A grabber's state. */
    public enum State { CONNECTING, RUNNING, RECONNECTING, FINISHED, STOPPED }
}
