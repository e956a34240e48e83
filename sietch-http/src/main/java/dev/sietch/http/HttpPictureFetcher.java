package dev.sietch.http;

import dev.sietch.core.model.ProfilePicture;
import dev.sietch.core.port.PictureFetcher;
import dev.sietch.http.internal.picture.Download;
import dev.sietch.http.internal.picture.PictureProcessor;
import java.net.http.HttpClient;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLContext;

/**
 * Fetches a member's picture over https from an allowed host and turns it into a square WebP
 * ({@link PictureSettings}). One picture is processed at a time, so a burst of uploads cannot
 * exhaust the heap.
 */
public final class HttpPictureFetcher implements PictureFetcher, AutoCloseable {

    private final PictureSettings settings;
    private final HttpClient client;
    private final Semaphore processing = new Semaphore(1);

    private HttpPictureFetcher(PictureSettings settings, HttpClient client) {
        this.settings = settings;
        this.client = client;
    }

    /** Trusts the JDK's certificate authorities. */
    public static HttpPictureFetcher create(PictureSettings settings) {
        return new HttpPictureFetcher(settings, Download.client(settings, null));
    }

    /** Trusts what {@code tls} trusts (e.g. a test's own certificate). */
    public static HttpPictureFetcher create(PictureSettings settings, SSLContext tls) {
        return new HttpPictureFetcher(settings, Download.client(settings, tls));
    }

    @Override
    public ProfilePicture fetch(String url) throws Rejected {
        byte[] file = new Download(client, settings).fetch(url);
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
    public void close() {
        client.close();
    }
}
