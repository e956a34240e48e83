package dev.sietch.chain.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.web3j.protocol.Service;

/**
 * A web3j JSON-RPC transport over {@link java.net.http.HttpClient}: POSTs each payload (a request or a
 * batch) and hands the response body to web3j's Jackson mapper. Used instead of web3j's own
 * {@code HttpService}, which needs okhttp.
 */
public final class JdkHttpService extends Service {

    private final URI url;
    private final HttpClient client;
    private final Duration timeout;

    /** A transport to {@code url}, each call bounded by {@code timeout}. */
    public JdkHttpService(URI url, Duration timeout) {
        super(false);
        this.url = url;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    @Override
    protected InputStream performIO(String payload) throws IOException {
        var request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted calling " + url, e);
        }
        if (response.statusCode() != 200) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(500), StandardCharsets.UTF_8);
            }
            throw new IOException("HTTP " + response.statusCode() + " from " + url + ": " + body);
        }
        return response.body();
    }

    @Override
    public void close() {
        client.close();
    }
}
