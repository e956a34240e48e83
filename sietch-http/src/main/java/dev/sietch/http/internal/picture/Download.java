package dev.sietch.http.internal.picture;

import dev.sietch.core.port.PictureFetcher.Rejected;
import dev.sietch.http.PictureSettings;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * One picture download: https to an allowed host only, redirects followed by hand so each target
 * is checked again, an image content type, at most {@code maxDownloadBytes} whether or not the
 * server declares a length, and one deadline for everything (a server dripping bytes is cut off).
 */
public final class Download {

    static final List<String> IMAGE_TYPES = List.of("image/jpeg", "image/png", "image/gif", "image/webp");

    private final HttpClient client;
    private final PictureSettings settings;

    public Download(HttpClient client, PictureSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    public static HttpClient client(PictureSettings settings, @Nullable SSLContext tls) {
        var builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout());
        if (tls != null) {
            builder.sslContext(tls);
        }
        return builder.build();
    }

    public byte[] fetch(String url) throws Rejected {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        URI target = allowed(parse(url));
        for (int redirects = 0; ; redirects++) {
            HttpResponse<Optional<byte[]>> response = send(target, deadline);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                if (redirects >= settings.maxRedirects()) {
                    throw new Rejected("The picture address redirects too often.");
                }
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> new Rejected("The picture address redirects nowhere."));
                target = allowed(resolve(target, location));
                continue;
            }
            if (status != 200) {
                throw new Rejected("The picture could not be downloaded (HTTP " + status + ").");
            }
            return response.body().orElseThrow(() -> new Rejected(notAnImage(response)));
        }
    }

    private HttpResponse<Optional<byte[]>> send(URI target, long deadline) throws Rejected {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw tooSlow();
        }
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofNanos(remaining))
                .header("User-Agent", "Sietch")
                .header("Accept", String.join(", ", IMAGE_TYPES))
                .GET().build();
        CompletableFuture<HttpResponse<Optional<byte[]>>> future = client.sendAsync(request, (HttpResponse.BodyHandler<Optional<byte[]>>) info -> {
            if (info.statusCode() != 200 || !isImage(info.headers().firstValue("Content-Type"))) {
                return BodySubscribers.replacing(Optional.empty());
            }
            OptionalLong length = info.headers().firstValueAsLong("Content-Length");
            if (length.isPresent() && length.getAsLong() > settings.maxDownloadBytes()) {
                return BodySubscribers.mapping(new Capped(-1), Optional::of); // refuses at once, without reading
            }
            return BodySubscribers.mapping(new Capped(settings.maxDownloadBytes()), Optional::of);
        });
        try {
            return future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw tooSlow();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new Rejected("The picture download was interrupted.");
        } catch (CancellationException e) {
            throw tooSlow();
        } catch (ExecutionException e) {
            if (rootCause(e) instanceof TooLarge) {
                throw new Rejected("The picture file is too large (the limit is "
                        + settings.maxDownloadBytes() / 1024 + " KB).");
            }
            if (rootCause(e) instanceof java.net.http.HttpTimeoutException) {
                throw tooSlow();
            }
            throw new Rejected("The picture could not be downloaded: the server did not answer properly.");
        }
    }

    private Rejected tooSlow() {
        return new Rejected("The picture server was too slow (the download must finish within "
                + settings.timeout().toSeconds() + " s).");
    }

    private static String notAnImage(HttpResponse<?> response) {
        return "That address is not a JPEG, PNG, GIF or WebP image (it is "
                + response.headers().firstValue("Content-Type").map(Download::mediaType).orElse("of no declared type") + ").";
    }

    static boolean isImage(Optional<String> contentType) {
        return contentType.map(Download::mediaType).filter(IMAGE_TYPES::contains).isPresent();
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static URI parse(String url) throws Rejected {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new Rejected("That is not a web address. Upload the image to Discord, then copy its link.");
        }
    }

    private static URI resolve(URI base, String location) throws Rejected {
        try {
            return base.resolve(new URI(location));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new Rejected("The picture address redirects to an invalid address.");
        }
    }

    /** The URI if it is https to an allowed host (exact name; a port must be listed with the host). */
    URI allowed(URI uri) throws Rejected {
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new Rejected(notAllowed());
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        String withPort = host + ":" + (port < 0 ? 443 : port);
        boolean listed = settings.allowedHosts().stream()
                .anyMatch(h -> h.contains(":") ? h.equals(withPort) : h.equals(host) && (port < 0 || port == 443));
        if (!listed) {
            throw new Rejected(notAllowed());
        }
        return uri;
    }

    private String notAllowed() {
        return "Pictures are taken only over https from " + String.join(", ", settings.allowedHosts())
                + ". Upload the image to Discord first, then right-click it and copy its link.";
    }

    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }

    /** Collects the body, failing as soon as it passes the cap ({@code -1}: fails at once). */
    private static final class Capped implements BodySubscriber<byte[]> {

        private final long cap;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private Flow.@Nullable Subscription subscription;

        Capped(long cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (cap < 0) {
                s.cancel();
                body.completeExceptionally(new TooLarge());
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (out.size() + (long) buffer.remaining() > cap) {
                    if (subscription != null) {
                        subscription.cancel();
                    }
                    body.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                out.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(out.toByteArray());
        }
    }
}
