package dev.sietch.chain.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** An endpoint answered with an HTTP status other than 200. */
final class RpcHttpException extends IOException {

    private final int status;
    private final transient Optional<Duration> retryAfter;

    RpcHttpException(int status, Optional<Duration> retryAfter, String body) {
        super("HTTP " + status + (body.isEmpty() ? "" : ": " + body));
        this.status = status;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
