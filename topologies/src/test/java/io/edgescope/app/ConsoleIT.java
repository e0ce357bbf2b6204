package io.edgescope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgescope.assets.Asset;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.image.ImageCodec;
import io.edgescope.ingest.FrameIngestor;
import io.edgescope.media.FrameSources;
import io.edgescope.schemas.Frame;
import io.edgescope.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console in a real headless Chromium against a running pipeline on a real broker: the
 * overview shows every stream with a frame image that loads and its boxes, and a policy change made
 * in the page reaches the stream (its detections' variant changes). Skips where no browser is
 * installed (README: apt-get install chromium chromium-driver).
 */
@Tag("integration")
class ConsoleIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String TOKEN = "operator-token-5e1";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> STREAMS = List.of("console-gate", "console-dock");
    private static final String SWITCH_TO = "yolox-nano-320";
    /** A stream replaying a labelled sequence, whose ground truth the console is given. */
    private static final String LABELLED = "console-tud";

    @TempDir
    static Path work;
    private static KafkaTestCluster cluster;
    private static Platform platform;
    private static DetectionService detection;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "No browser: install one to run the console tests (apt-get install chromium chromium-driver)");
        cluster = KafkaTestCluster.start();
        EdgeScopeConfig config = EdgeScopeConfig.fromMap(Map.of(
                EdgeScopeConfig.BOOTSTRAP_SERVERS.name(), cluster.bootstrapServers(),
                EdgeScopeConfig.REGISTRY_PORT.name(), "0",
                EdgeScopeConfig.TELEMETRY_HTTP_PORT.name(), "0",
                EdgeScopeConfig.APPLICATION_ID.name(), "console-it-" + UUID.randomUUID(),
                EdgeScopeConfig.STATE_DIR.name(), work.resolve("state").toString(),
                EdgeScopeConfig.CONSOLE_TOKEN.name(), TOKEN,
                EdgeScopeConfig.CONSOLE_GROUND_TRUTH.name(), LABELLED + "=" + TestDetectors.SHARED.resolve("datasets/TUD-Campus")));
        platform = Platform.start(config);
        detection = DetectionService.start(platform, TestDetectors.pool(config, work.resolve("variants"), 2));
        STREAMS.forEach(s -> ingest(s, 3));

        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + Files.createDirectories(work.resolve("chromium")));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (detection != null) {
            detection.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static void ingest(String stream, int frames) {
        String clip = TestDetectors.SHARED.resolve(Asset.SAMPLE_CLIP.folder()).resolve(Asset.SAMPLE_CLIP.fileName()).toString();
        try (KafkaProducer<String, Frame> producer = new KafkaProducer<>(KafkaClientSettings.producer(platform.bootstrapServers(), platform.config()),
                new StringSerializer(), Topics.FRAMES.valueSerde(platform.registry()).serializer())) {
            new FrameIngestor(producer, Clock.systemUTC()).run(() -> FrameSources.open(clip, ImageCodec.DEFAULT_JPEG_QUALITY),
                    new FrameIngestor.Options(stream, 0.0, false, frames, platform.config().maxFrameBytes()), p -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String url() {
        return "http://localhost:" + detection.telemetryPort() + "/";
    }

    private static WebElement card(String stream) {
        return browser.findElement(By.cssSelector("article.stream[data-stream='" + stream + "']"));
    }

    private static boolean imageLoaded(String stream) {
        return (Boolean) ((JavascriptExecutor) browser).executeScript(
                "const img = document.querySelector(\"article.stream[data-stream='\" + arguments[0] + \"'] img\");"
                        + "return img !== null && img.complete && img.naturalWidth > 0;", stream);
    }

    @Test
    void shouldShowEveryStreamWithItsLatestFrameBoxesAndFiguresLive() throws Exception {
        browser.get(url());
        await().atMost(WAIT).until(() -> browser.findElements(By.cssSelector("article.stream")).size() == STREAMS.size()
                && STREAMS.stream().allMatch(ConsoleIT::imageLoaded));
        for (String stream : STREAMS) {
            WebElement c = card(stream);
            assertThat(c.findElement(By.cssSelector(".name")).getText()).isEqualTo(stream);
            assertThat(c.findElement(By.cssSelector(".variant")).getText()).isEqualTo("yolox-nano-416");
            assertThat(c.findElement(By.cssSelector(".caption")).getText()).containsPattern("frame \\d+ · \\d+ objects");
        }
        // vtest.avi's first frames hold several people: their boxes are drawn over the frame
        await().atMost(WAIT).until(() -> !card(STREAMS.get(0)).findElements(By.cssSelector("svg.boxes rect")).isEmpty());
        assertThat(browser.findElement(By.id("connection")).getText()).isEqualTo("live");
        Files.write(Path.of("target", "console-overview.png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void shouldSendAPolicyChangeMadeInThePageToTheStream() {
        browser.get(url());
        String stream = STREAMS.get(0);
        await().atMost(WAIT).until(() -> !browser.findElements(By.cssSelector("article.stream[data-stream='" + stream + "'] select")).isEmpty());
        // keyboard only: the token field, then the stream's policy select and its button are reachable and usable
        WebElement token = browser.findElement(By.id("token"));
        token.sendKeys("wrong" + Keys.TAB);
        new Select(card(stream).findElement(By.cssSelector("select.choice"))).selectByValue("FIXED:" + SWITCH_TO);
        card(stream).findElement(By.cssSelector(".control button")).click();
        await().atMost(WAIT).until(() -> card(stream).findElement(By.cssSelector(".result")).getText().startsWith("refused"));

        token.clear();
        token.sendKeys(TOKEN + Keys.TAB);
        card(stream).findElement(By.cssSelector(".control button")).sendKeys(Keys.ENTER);
        await().atMost(WAIT).until(() -> card(stream).findElement(By.cssSelector(".result")).getText().startsWith("applied"));
        await().atMost(WAIT).until(() -> card(stream).findElement(By.cssSelector(".policy")).getText().equals("FIXED"));
        await().atMost(WAIT).until(() -> {
            ingest(stream, 1);
            return card(stream).findElement(By.cssSelector(".variant")).getText().equals(SWITCH_TO);
        });
        assertThat(card(STREAMS.get(1)).findElement(By.cssSelector(".variant")).getText()).isEqualTo("yolox-nano-416");
    }

    /** The dock stream's detections as the topic holds them (read_committed, from the start). */
    private static List<io.edgescope.schemas.Detections> topic(String stream) {
        Map<String, Object> props = new java.util.HashMap<>(KafkaClientSettings.consumer(platform.bootstrapServers(), platform.config()));
        props.put(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, "console-it-" + UUID.randomUUID());
        props.put(org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<io.edgescope.schemas.Detections> out = new java.util.ArrayList<>();
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, io.edgescope.schemas.Detections> consumer =
                     new org.apache.kafka.clients.consumer.KafkaConsumer<>(props, new org.apache.kafka.common.serialization.StringDeserializer(),
                             Topics.DETECTIONS.valueSerde(platform.registry()).deserializer())) {
            consumer.subscribe(List.of(Topics.DETECTIONS.name()));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (stream.equals(r.key())) {
                        out.add(r.value());
                    }
                });
                return out.size() >= 3;
            });
        }
        return out;
    }

    @Test
    void shouldFindInTheDetectionsBrowserWhatTheTopicHoldsExportItAndShowAFrame() throws Exception {
        String stream = STREAMS.get(1);
        float minScore = 0.5f;
        List<io.edgescope.schemas.Detections> held = topic(stream);
        long frames = held.stream().filter(d -> d.getBoxes().stream().anyMatch(b -> b.getLabel().equals("person") && b.getScore() >= minScore)).count();
        long people = held.stream().flatMap(d -> d.getBoxes().stream()).filter(b -> b.getLabel().equals("person") && b.getScore() >= minScore).count();
        assertThat(frames).isPositive();

        browser.get(url() + "console/detections.html");
        WebElement form = browser.findElement(By.id("filter"));
        form.findElement(By.name("stream")).sendKeys(stream);
        form.findElement(By.name("class")).sendKeys("person");
        WebElement score = form.findElement(By.name("minScore"));
        score.clear();
        score.sendKeys(Float.toString(minScore) + Keys.ENTER);
        await().atMost(WAIT).until(() -> browser.findElement(By.id("summary")).getText().equals(frames + " frames, " + people + " objects"));
        assertThat(browser.findElements(By.cssSelector("#results tbody tr"))).hasSize((int) frames)
                .allSatisfy(tr -> assertThat(tr.getAttribute("data-stream")).isEqualTo(stream));

        String csv = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        browser.findElement(By.id("csv")).getAttribute("href"))).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(csv.lines().skip(1).count()).isEqualTo(people);
        assertThat(csv.lines().skip(1)).allSatisfy(line -> assertThat(line).startsWith(stream + ",").contains(",person,"));

        browser.findElement(By.cssSelector("#results tbody tr button")).click();
        await().atMost(WAIT).until(() -> (Boolean) ((JavascriptExecutor) browser).executeScript(
                "const img = document.getElementById('viewer-image'); return img.complete && img.naturalWidth > 0;"));
        await().atMost(WAIT).until(() -> !browser.findElements(By.cssSelector("#viewer-boxes rect")).isEmpty());
        Files.write(Path.of("target", "console-detections.png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void shouldListDeadLettersWithTheirReasonAndRetryOneThroughThePipeline() throws Exception {
        String stream = "console-bad";
        try (KafkaProducer<String, Frame> producer = new KafkaProducer<>(KafkaClientSettings.producer(platform.bootstrapServers(), platform.config()),
                new StringSerializer(), Topics.FRAMES.valueSerde(platform.registry()).serializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.FRAMES.name(), stream,
                    io.edgescope.ingest.FrameRecords.of(stream, 0, java.time.Instant.now(),
                            new io.edgescope.media.EncodedFrame(0, "not a jpeg".getBytes(java.nio.charset.StandardCharsets.UTF_8), io.edgescope.media.EncodedFrame.JPEG, 640, 480), "it"))).get();
        }
        browser.get(url() + "console/dead-letters.html");
        By rows = By.xpath("//table[@id='letters']/tbody/tr[td[2]='" + stream + "']");
        await().atMost(WAIT).until(() -> {
            browser.navigate().refresh();
            return !await().atMost(Duration.ofSeconds(5)).until(() -> browser.findElement(By.id("summary")).getText(), t -> !t.isEmpty()).isEmpty()
                    && browser.findElements(rows).size() == 1;
        });
        WebElement letter = browser.findElement(rows);
        assertThat(letter.findElements(By.tagName("td")).get(2).getText()).isNotBlank();
        assertThat(letter.findElements(By.tagName("td")).get(3).getText()).startsWith(Topics.FRAMES.name());

        WebElement token = browser.findElement(By.id("token"));
        token.clear();
        token.sendKeys(TOKEN + Keys.TAB);
        letter.findElement(By.tagName("button")).click();
        await().atMost(WAIT).until(() -> letter.findElement(By.className("retry-status")).getText().equals("sent again to " + Topics.FRAMES.name()));
        // still not a JPEG: the retried record went through detection again and is refused again, with the same reason
        await().atMost(WAIT).until(() -> {
            browser.navigate().refresh();
            return !await().atMost(Duration.ofSeconds(5)).until(() -> browser.findElement(By.id("summary")).getText(), t -> !t.isEmpty()).isEmpty()
                    && browser.findElements(rows).size() == 2;
        });
        Files.write(Path.of("target", "console-dead-letters.png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void shouldShowAStreamLiveWithItsTelemetryChartedOverTime() throws Exception {
        String stream = STREAMS.get(1);
        browser.get(url() + "console/");
        await().atMost(WAIT).until(() -> !browser.findElements(By.cssSelector("article.stream[data-stream='" + stream + "'] h3 a")).isEmpty());
        card(stream).findElement(By.cssSelector("h3 a")).click();
        await().atMost(WAIT).until(() -> browser.getCurrentUrl().endsWith("stream.html?id=" + stream));
        await().atMost(WAIT).until(() -> (Boolean) ((JavascriptExecutor) browser).executeScript(
                "const img = document.getElementById('live-image'); return img.complete && img.naturalWidth > 0;"));
        await().atMost(WAIT).until(() -> !browser.findElements(By.cssSelector("#chart-fps polyline")).isEmpty()
                && !browser.findElements(By.cssSelector("#chart-variant rect")).isEmpty());
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo(stream);
        assertThat(browser.findElement(By.id("chart-variant")).getText()).contains("yolox-nano-416");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1500));
        Files.write(Path.of("target", "console-stream.png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    @Test
    void shouldAddAndRemoveACameraFromThePageThroughTheSourcesTopic() {
        String camera = "console-cam";
        browser.get(url() + "console/");
        WebElement token = browser.findElement(By.id("token"));
        token.clear();
        token.sendKeys(TOKEN + Keys.TAB);
        WebElement form = browser.findElement(By.id("add-source"));
        form.findElement(By.name("streamId")).sendKeys(camera);
        form.findElement(By.name("url")).sendKeys("rtsp://camera.invalid/stream");
        form.findElement(By.name("fps")).sendKeys("5");
        form.findElement(By.tagName("button")).click();
        By row = By.cssSelector("#sources tbody tr[data-stream='" + camera + "']");
        await().atMost(WAIT).until(() -> !browser.findElements(row).isEmpty());
        Map<String, io.edgescope.schemas.CameraSource> held = CompactedTopic.readAll(platform.bootstrapServers(), platform.config(),
                platform.registry(), Topics.SOURCES);
        assertThat(held.get(camera).getUrl()).isEqualTo("rtsp://camera.invalid/stream");
        assertThat(held.get(camera).getFps()).isEqualTo(5f);

        browser.findElement(row).findElement(By.tagName("button")).click();
        await().atMost(WAIT).until(() -> browser.findElements(row).isEmpty());
        assertThat(CompactedTopic.readAll(platform.bootstrapServers(), platform.config(), platform.registry(), Topics.SOURCES)).doesNotContainKey(camera);
    }

    @Test
    void shouldChartTheMeasuredRealTimeApOfAStreamWhoseGroundTruthIsKnown() throws Exception {
        String sequence = TestDetectors.SHARED.resolve("datasets/TUD-Campus").toString();
        try (KafkaProducer<String, Frame> producer = new KafkaProducer<>(KafkaClientSettings.producer(platform.bootstrapServers(), platform.config()),
                new StringSerializer(), Topics.FRAMES.valueSerde(platform.registry()).serializer())) {
            new FrameIngestor(producer, Clock.systemUTC()).run(() -> FrameSources.open(sequence, ImageCodec.DEFAULT_JPEG_QUALITY),
                    new FrameIngestor.Options(LABELLED, null, false, 12, platform.config().maxFrameBytes()), p -> { });
        }
        String api = url() + "console/api/streams/" + LABELLED + "/measured";
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        // every frame detected (the latest detections are frame 11's) before measuring
        await().atMost(WAIT).until(() -> http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url() + "streams/" + LABELLED + "/latest"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body().contains("\"sequence\":11"));
        await().atMost(WAIT).until(() -> http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body().contains("measuredRealtimeAp50"));
        com.fasterxml.jackson.databind.JsonNode measured = new com.fasterxml.jackson.databind.ObjectMapper().readTree(http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(api)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        assertThat(measured.get(0).get("measuredRealtimeAp50").asDouble()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url() + "console/api/streams/" + STREAMS.get(0) + "/measured"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);

        browser.get(url() + "console/stream.html?id=" + LABELLED);
        await().atMost(WAIT).until(() -> browser.findElement(By.id("chart-roma")).getText().contains("measured"));
    }

    @Test
    void shouldFitEveryPageToATabletWidthWithoutSidewaysScrolling() {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(768, 1024));
        try {
            for (String page : List.of("console/", "console/detections.html", "console/dead-letters.html", "console/stream.html?id=" + STREAMS.get(1))) {
                browser.get(url() + page);
                await().atMost(WAIT).until(() -> !browser.findElements(By.tagName("h2")).isEmpty());
                Object overflow = ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(((Number) overflow).intValue()).as(page).isLessThanOrEqualTo(0);
            }
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }
}
