package dev.sietch.http;

import java.util.Objects;

/**
 * Where the API listens.
 *
 * @param host the interface to bind, e.g. {@code 127.0.0.1} (behind Caddy) or {@code 0.0.0.0}
 * @param port the TCP port; {@code 0} picks a free one (tests)
 */
public record HttpSettings(String host, int port) {

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
    }
}
