package dev.sietch.http;

import dev.sietch.core.model.ProfilePicture;
import dev.sietch.core.port.PictureFetcher;
import dev.sietch.http.internal.picture.Download;
import dev.sietch.http.internal.picture.PictureProcessor;
import java.net.http.HttpClient;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Fetches a member's picture over https from an allowed host and turns it into a square WebP
 * ({@link PictureSettings}). One picture is processed at a time, so a burst of uploads cannot
 * exhaust the heap.
 */
public final class HttpPictureFetcher implements PictureFetcher, AutoCloseable {

    private final PictureSettings settings;
    private final @Nullable SSLContext tls;
    private final Semaphore processing = new Semaphore(1);
    private @Nullable HttpClient client; // made at the first fetch: building one takes a few hundred ms

    private HttpPictureFetcher(PictureSettings settings, @Nullable SSLContext tls) {
        this.settings = settings;
        this.tls = tls;
    }

    /** Trusts the JDK's certificate authorities. */
    public static HttpPictureFetcher create(PictureSettings settings) {
        return new HttpPictureFetcher(settings, null);
    }

    /** Trusts what {@code tls} trusts (e.g. a test's own certificate). */
    public static HttpPictureFetcher create(PictureSettings settings, SSLContext tls) {
        return new HttpPictureFetcher(settings, tls);
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = Download.client(settings, tls);
        }
        return client;
    }

    @Override
    public ProfilePicture fetch(String url) throws Rejected {
        byte[] file = new Download(client(), settings).fetch(url);
        try {
            processing.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Rejected("The picture could not be processed now; please try again.");
        }
        try {
            return PictureProcessor.process(file, settings);
        } finally {
            processing.release();
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
