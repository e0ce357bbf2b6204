package io.edgescope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.edgescope.app.DetectionService;
import io.edgescope.app.KafkaClientSettings;
import io.edgescope.app.Platform;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.demo.DemoRenderer;
import io.edgescope.demo.DemoSummary;
import io.edgescope.demo.StreamSnapshot;
import io.edgescope.app.VariantPool;
import io.edgescope.ingest.FrameIngestor;
import io.edgescope.ingest.IngestProgress;
import io.edgescope.media.FrameSources;
import io.edgescope.schemas.Frame;
import io.edgescope.topics.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The one-machine demo: broker, registry, detection, ingest of a real clip, annotated output. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on this machine: a real Kafka broker and schema registry, "
                + "ingest a video, detect objects, write annotated frames, a contact sheet and summary.json.")
final class DemoCommand implements Callable<Integer> {

    private static final long DRAIN_TIMEOUT_MS = 60_000;
    private static final long POLL_MS = 200;

    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @Option(names = "--fps", paramLabel = "F", description = "Send at F frames/s (default: the input's rate; 0: as fast as possible).")
    Double fps;

    @Option(names = "--stream", paramLabel = "ID", defaultValue = "cam-1", description = "Stream id (default: ${DEFAULT-VALUE}).")
    String streamId;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        EdgeScopeConfig config = common.config();
        Assets assets = new Assets(common.models());
        String source = input.source(assets);
        VariantPool model = assets.variantPool(config);
        ConsoleProgress progress = ConsoleProgress.forStdout();
        try (ShutdownSignal signal = new ShutdownSignal();
             Platform platform = Platform.start(config);
             DetectionService detection = DetectionService.start(platform, model)) {
            System.out.printf("Kafka at %s, schema registry at %s, detector %s%n", platform.bootstrapServers(),
                    platform.registryUrl(), model.defaultVariant());
            DemoRenderer renderer = DemoRenderer.open(platform, out, Clock.systemUTC());
            Thread renderThread = new Thread(renderer, "demo-renderer");
            renderThread.start();
            AtomicReference<IngestProgress> sent = new AtomicReference<>(new IngestProgress(streamId, 0, 0, 0, 0, input.frames));
            try {
                ingest(platform, source, renderer, progress, sent);
                waitForDetections(renderer, sent.get(), progress);
            } catch (InterruptedException | InterruptException e) {
                Thread.interrupted();
                System.out.println();
                System.out.println("Interrupted: stopping and writing what was done so far");
            } finally {
                renderer.close();
                renderThread.join();
                progress.finish();
            }
            DemoSummary summary = renderer.summary(sent.get().framesSent(), model.defaultVariant(), source);
            renderer.writeContactSheet();
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("summary.json").toFile(), summary);
            System.out.printf(Locale.ROOT, "%d frames in, %d out, %d boxes, %d dead letters, %.1f fps, latency p50 %.0f ms p99 %.0f ms%n",
                    summary.framesIn(), summary.framesOut(), summary.detections(), summary.deadLetters(), summary.fps(),
                    summary.latencyP50Millis(), summary.latencyP99Millis());
            System.out.printf("Annotated frames in %s, contact sheet %s, summary %s%n", out.resolve("frames"),
                    out.resolve("contact-sheet.png"), out.resolve("summary.json"));
            return signal.requested() ? CliErrors.INTERRUPTED : 0;
        }
    }

    private void ingest(Platform platform, String source, DemoRenderer renderer, ConsoleProgress progress,
                        AtomicReference<IngestProgress> sent) throws InterruptedException {
        try (KafkaProducer<String, Frame> producer = new KafkaProducer<>(
                KafkaClientSettings.producer(platform.bootstrapServers(), platform.config()),
                new StringSerializer(), Topics.FRAMES.valueSerde(platform.registry()).serializer())) {
            FrameIngestor ingestor = new FrameIngestor(producer, Clock.systemUTC());
            int quality = platform.config().jpegQuality();
            ingestor.run(() -> FrameSources.open(source, quality),
                    new FrameIngestor.Options(streamId, fps, false, input.frames, platform.config().maxFrameBytes()),
                    p -> {
                        sent.set(p);
                        progress.show(line(p, renderer), p.framesSent(), input.frames, false);
                    });
        }
    }

    private void waitForDetections(DemoRenderer renderer, IngestProgress sent, ConsoleProgress progress)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + DRAIN_TIMEOUT_MS;
        while (renderer.framesOut() + renderer.deadLetters() < sent.framesSent() && System.currentTimeMillis() < deadline) {
            progress.show(line(sent, renderer), renderer.framesOut(), sent.framesSent(), false);
            TimeUnit.MILLISECONDS.sleep(POLL_MS);
        }
        progress.show(line(sent, renderer), renderer.framesOut(), sent.framesSent(), true);
    }

    private static String line(IngestProgress p, DemoRenderer renderer) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "sent %d (%.1f fps, %s)", p.framesSent(), p.fps(),
                ConsoleProgress.kib(p.bytesSent())));
        for (StreamSnapshot s : renderer.snapshots()) {
            b.append(String.format(Locale.ROOT, " | %s: %d detected, %.1f fps, p50 %.0f ms", s.streamId(), s.framesOut(),
                    s.fps(), s.latencyP50Millis()));
        }
        return b.toString();
    }
}
