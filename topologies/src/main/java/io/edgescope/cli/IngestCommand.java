package io.edgescope.cli;

import io.edgescope.app.KafkaClientSettings;
import io.edgescope.app.Platform;
import io.edgescope.app.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.ingest.FrameIngestor;
import io.edgescope.ingest.IngestProgress;
import io.edgescope.media.FrameSources;
import io.edgescope.registry.SchemaRegistryClients;
import io.edgescope.schemas.Frame;
import io.edgescope.topics.Topics;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Publishes frames from a video, image folder or camera to the frames topic. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Send frames from a video file, an image folder (MOT layout img1/) or an RTSP/camera URL to Kafka.")
final class IngestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @Option(names = "--stream", required = true, paramLabel = "ID", description = "Stream (camera) id; the record key.")
    String streamId;

    @Option(names = "--fps", paramLabel = "F", description = "Frames per second (default: the source's rate; 0: as fast as possible).")
    Double fps;

    @Option(names = "--loop", description = "Start a file again at its end.")
    boolean loop;

    @Option(names = "--site", paramLabel = "SITE", description = "Write to the site's frame topic edgescope.frames.SITE (created if missing).")
    String site;

    @Option(names = "--header", paramLabel = "NAME=VALUE", description = "A header on every frame, e.g. site=dock-2 (repeatable; variant.rules can match it).")
    Map<String, String> headers = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        EdgeScopeConfig config = common.clientConfig();
        String source = input.source(new Assets(common.models()));
        Platform.checkReachable(config.bootstrapServers(), config);
        String topic = Topics.frameTopic(site);
        if (site != null) {
            try (Admin admin = Admin.create(KafkaClientSettings.common(config.bootstrapServers(), config))) {
                TopicProvisioner.ensureFrameTopic(admin, config, topic);
            }
        }
        ConsoleProgress progress = ConsoleProgress.forStdout();
        try (ShutdownSignal signal = new ShutdownSignal();
             KafkaProducer<String, Frame> producer = new KafkaProducer<>(
                     KafkaClientSettings.producer(config.bootstrapServers(), config), new StringSerializer(),
                     Topics.FRAMES.valueSerde(SchemaRegistryClients.create(config.registryClient())).serializer())) {
            IngestProgress done;
            try {
                done = new FrameIngestor(producer, Clock.systemUTC()).run(
                        () -> FrameSources.open(source, config.jpegQuality()),
                        new FrameIngestor.Options(streamId, fps, loop, input.frames, config.maxFrameBytes(), headers, topic),
                        p -> progress.show(line(p), p.framesSent(), input.frames, false));
            } finally {
                progress.finish();
            }
            System.out.println(line(done));
            return 0;
        }
    }

    private static String line(IngestProgress p) {
        return String.format(Locale.ROOT, "%s: %d frames sent (%d skipped), %.1f fps, %s", p.streamId(), p.framesSent(),
                p.framesSkipped(), p.fps(), ConsoleProgress.kib(p.bytesSent()));
    }
}
