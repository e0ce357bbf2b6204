package io.edgescope.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/** Downloads a URL to a file atomically (temp file, then move), reporting progress. */
public final class Downloader {

    /** Told how many bytes arrived so far, and the total (-1 when the server does not say). */
    @FunctionalInterface
    public interface Progress {
        void update(long bytesDone, long bytesTotal);
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    private static final int BUFFER = 64 * 1024;
    private static final int HTTP_OK = 200;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    public void download(URI source, Path target, Progress progress) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(source).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted downloading " + source, e);
        }
        if (response.statusCode() != HTTP_OK) {
            response.body().close();
            throw new IOException("HTTP " + response.statusCode() + " from " + source);
        }
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(partial)) {
            byte[] buffer = new byte[BUFFER];
            long done = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                done += n;
                progress.update(done, total);
            }
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
