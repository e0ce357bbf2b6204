package io.edgescope.cli;

import io.edgescope.app.CompactedTopic;
import io.edgescope.app.RecordJson;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.ingest.CameraSources;
import io.edgescope.schemas.CameraSource;
import io.edgescope.topics.Topics;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Camera sources in the compacted sources topic; running ingest supervisors follow them without a restart. */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = "Add, remove and list camera sources; every running ingest supervisor (run / run ingest) starts and stops grabbers as they change.",
        subcommands = {SourcesCommand.Add.class, SourcesCommand.Remove.class, SourcesCommand.ListSources.class})
final class SourcesCommand {

    /** {@code sources add STREAM --url URL}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add (or change) a camera source.")
    static final class Add implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "STREAM", description = "Stream id the frames are published under.")
        String stream;

        @Option(names = "--url", required = true, description = "rtsp:// or http:// camera URL, /dev/videoN, a video file or a MOT image folder.")
        String url;

        @Option(names = "--fps", description = "Frames per second to send at (default: the source's rate; 0: as fast as possible).")
        Float fps;

        @Option(names = "--site", description = "Site: frames go to edgescope.frames.<site>.")
        String site;

        @Option(names = "--loop", description = "Restart a file or folder at its end.")
        boolean loop;

        @Override
        public Integer call() throws Exception {
            CameraSource source = CameraSources.of(stream, url, fps, site, loop, Instant.now());
            EdgeScopeConfig config = common.reachableClientConfig();
            CompactedTopic.write(config, Topics.SOURCES, stream, source);
            System.out.println(RecordJson.line(source));
            return 0;
        }
    }

    /** {@code sources remove STREAM}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a camera source (its grabber stops).")
    static final class Remove implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "STREAM")
        String stream;

        @Override
        public Integer call() throws Exception {
            EdgeScopeConfig config = common.reachableClientConfig();
            CompactedTopic.write(config, Topics.SOURCES, stream, null);
            System.out.println("Removed source " + stream);
            return 0;
        }
    }

    /** {@code sources list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the camera sources as JSON lines.")
    static final class ListSources implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            EdgeScopeConfig config = common.reachableClientConfig();
            CompactedTopic.readAll(config, Topics.SOURCES).values().forEach(s -> System.out.println(RecordJson.line(s)));
            return 0;
        }
    }
}
