package dev.sietch.chain.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.web3j.protocol.Service;

/**
 * web3j's JSON-RPC service over {@code java.net.http}: one POST per request (or batch), a timeout
 * per request, and HTTP failures turned into {@link RpcHttpException} so the client can tell a
 * rate limit from an outage.
 */
final class JsonRpcHttp extends Service {

    private final URI url;
    private final HttpClient client;
    private final Duration timeout;

    JsonRpcHttp(URI url, HttpClient client, Duration timeout) {
        super(false);
        this.url = url;
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    protected InputStream performIO(String payload) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the endpoint");
        }
        int status = response.statusCode();
        if (status == 200) {
            return new ByteArrayInputStream(response.body());
        }
        Optional<Duration> retryAfter = status == 429 || status == 503
                ? RetryAfter.parse(response.headers().firstValue("Retry-After"))
                : Optional.empty();
        throw new RpcHttpException(status, retryAfter, scrub(snippet(response.body())));
    }

    /** The start of an error body, printable characters only (it is the endpoint's text, not ours). */
    private static String snippet(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        return text.replaceAll("[^\\x20-\\x7e]", " ").strip();
    }

    /**
     * Removes what may hold an API key — the URL's path, query and user info, and any of its path
     * segments of 8 characters or more — from text the endpoint sent (error pages often echo the
     * request path).
     */
    String scrub(String text) {
        String out = text;
        for (String part : new String[] {url.getRawPath(), url.getPath(), url.getRawQuery(), url.getRawUserInfo()}) {
            if (part != null && part.length() > 1) {
                out = out.replace(part, "…");
            }
        }
        if (url.getRawPath() != null) {
            for (String segment : url.getRawPath().split("/")) {
                if (segment.length() >= 8) {
                    out = out.replace(segment, "…");
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        // the HttpClient is shared by the endpoints and closed by their owner
    }
}
