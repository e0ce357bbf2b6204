package io.edgescope.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetResolverTest {

    private static final byte[] CONTENT = "model-bytes".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;
    private HttpServer server;
    private final AtomicInteger downloads = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/m.onnx", ex -> {
            downloads.incrementAndGet();
            ex.sendResponseHeaders(200, CONTENT.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(CONTENT);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Asset asset(String path) {
        return new Asset("m.onnx", "models", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path), "test model");
    }

    private AssetResolver resolver(List<Path> explicit, Downloader.Progress progress) {
        return new AssetResolver(explicit, tmp.resolve("work/project"), tmp.resolve("cache"), new Downloader(), progress);
    }

    @Test
    void shouldDownloadOnceIntoTheCacheAndReuseIt() {
        AtomicLong reported = new AtomicLong();
        AssetResolver resolver = resolver(List.of(), (done, total) -> reported.set(done));
        Path first = resolver.resolve(asset("/m.onnx"), p -> { });
        Path second = resolver.resolve(asset("/m.onnx"), p -> { });
        assertThat(first).isEqualTo(tmp.resolve("cache/models/m.onnx")).isEqualTo(second);
        assertThat(downloads).hasValue(1);
        assertThat(reported).hasValue(CONTENT.length);
    }

    @Test
    void shouldPreferExplicitFolderThenSharedFolderOverCache() throws IOException {
        Path shared = Files.createDirectories(tmp.resolve("work/shared/models"));
        Files.write(shared.resolve("m.onnx"), CONTENT);
        Path explicit = Files.createDirectories(tmp.resolve("mine"));
        assertThat(resolver(List.of(explicit), (d, t) -> { }).resolve(asset("/m.onnx"), p -> { }))
                .isEqualTo(shared.resolve("m.onnx"));
        Files.write(explicit.resolve("m.onnx"), CONTENT);
        assertThat(resolver(List.of(explicit), (d, t) -> { }).resolve(asset("/m.onnx"), p -> { }))
                .isEqualTo(explicit.resolve("m.onnx"));
        assertThat(downloads).hasValue(0);
    }

    @Test
    void shouldDeleteADownloadThatDoesNotLoad() {
        assertThatThrownBy(() -> resolver(List.of(), (d, t) -> { }).resolve(asset("/m.onnx"), p -> {
            throw new IllegalStateException("bad shapes");
        })).isInstanceOf(AssetNotFoundException.class).hasMessageContaining("does not load: bad shapes");
        assertThat(tmp.resolve("cache/models/m.onnx")).doesNotExist();
    }

    @Test
    void shouldSayWhereToPutTheFileWhenOffline() {
        assertThatThrownBy(() -> resolver(List.of(), (d, t) -> { }).resolve(asset("/missing"), p -> { }))
                .isInstanceOf(AssetNotFoundException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("--models DIR")
                .hasMessageContaining(AssetResolver.HOME_ENV);
    }
}
