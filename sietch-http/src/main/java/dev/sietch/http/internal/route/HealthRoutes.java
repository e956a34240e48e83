package dev.sietch.http.internal.route;

import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.port.SyncHealthSource;
import dev.sietch.http.internal.json.HealthBody;
import dev.sietch.http.internal.json.Json;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code GET /health}: always 200 while the process serves; {@code degraded} during the grace
 * period.
 */
public final class HealthRoutes {

    private final SyncHealthSource syncHealth;
    private final Duration syncInterval;
    private final Clock clock;

    public HealthRoutes(SyncHealthSource syncHealth, Duration syncInterval, Clock clock) {
        this.syncHealth = syncHealth;
        this.syncInterval = syncInterval;
        this.clock = clock;
    }

    public void register(RoutingHandler routing) {
        routing.get("/health", this::health);
    }

    private void health(HttpServerExchange exchange) {
        Json.send(exchange, 200, body(syncHealth.current(), clock.instant()));
    }

    HealthBody body(SyncHealth health, Instant now) {
        return new HealthBody(
                health.status().wireName(),
                health.lastSuccessfulSync().map(Instant::toString).orElse(null),
                health.nextSync(now, syncInterval).toString(),
                health.inGracePeriod());
    }
}
