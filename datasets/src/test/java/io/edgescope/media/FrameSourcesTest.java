package io.edgescope.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgescope.assets.Asset;
import io.edgescope.assets.SharedFolder;
import io.edgescope.detect.BgrImage;
import io.edgescope.image.ImageCodec;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameSourcesTest {

    private static final Path SHARED = SharedFolder.find().orElseThrow();
    private static final long MAX_PIXELS = 10_000_000L;

    @Test
    void shouldDecodeTheSampleClipWithItsSizeAndFrameRate() {
        Path clip = SHARED.resolve(Asset.SAMPLE_CLIP.folder()).resolve(Asset.SAMPLE_CLIP.fileName());
        try (FrameSource source = FrameSources.open(clip.toString(), ImageCodec.DEFAULT_JPEG_QUALITY)) {
            assertThat(source.fps()).isEqualTo(10.0);
            assertThat(source.live()).isFalse();
            EncodedFrame first = source.next().orElseThrow();
            EncodedFrame second = source.next().orElseThrow();
            assertThat(first.index()).isZero();
            assertThat(second.index()).isEqualTo(1);
            assertThat(first.width()).isEqualTo(768);
            assertThat(first.height()).isEqualTo(576);
            BgrImage decoded = new ImageCodec(MAX_PIXELS).decode(first.image());
            assertThat(decoded.width()).isEqualTo(768);
        }
    }

    @Test
    void shouldReadMotSequenceFolderAtItsFrameRate() {
        try (FrameSource source = FrameSources.open(SHARED.resolve("datasets/TUD-Campus").toString(), 90)) {
            assertThat(source.fps()).isEqualTo(25.0);
            int count = 0;
            while (source.next().isPresent()) {
                count++;
            }
            assertThat(count).isEqualTo(71);
        }
    }

    @Test
    void shouldRefuseAnInputThatDoesNotExist(@TempDir Path dir) {
        assertThatThrownBy(() -> FrameSources.open(dir.resolve("missing.mp4").toString(), 90))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("Input not found");
    }

    @Test
    void shouldRefuseAFileThatIsNotVideo(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.mp4"), "not a video");
        assertThatThrownBy(() -> FrameSources.open(junk.toString(), 90))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("Cannot open video");
    }

    @Test
    void shouldStreamFromANetworkUrlAsALiveSource() throws Exception {
        Path clip = SHARED.resolve(Asset.SAMPLE_CLIP.folder()).resolve(Asset.SAMPLE_CLIP.fileName());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cam.avi", ex -> {
            ex.sendResponseHeaders(200, Files.size(clip));
            try (OutputStream out = ex.getResponseBody()) {
                Files.copy(clip, out);
            } catch (IOException closedEarly) {
                // the grabber stops reading once it has what it needs
            }
        });
        server.start();
        String url = "http://user:secret@127.0.0.1:" + server.getAddress().getPort() + "/cam.avi";
        try (FrameSource source = FrameSources.open(url, 90)) {
            assertThat(source.live()).isTrue();
            assertThat(source.description()).doesNotContain("secret");
            assertThat(source.next().orElseThrow().width()).isEqualTo(768);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldRemoveCredentialsFromCameraUrls() {
        assertThat(VideoSource.redact("rtsp://admin:secret@10.0.0.5:554/stream1")).isEqualTo("rtsp://10.0.0.5:554/stream1");
        assertThat(VideoSource.redact("/videos/a.mp4")).isEqualTo("/videos/a.mp4");
    }
}
