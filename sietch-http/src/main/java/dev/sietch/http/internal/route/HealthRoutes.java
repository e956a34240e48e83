package dev.sietch.http.internal.route;

import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.port.SyncHealthSource;
import dev.sietch.http.internal.Call;
import dev.sietch.http.internal.Route;
import dev.sietch.http.internal.json.HealthBody;
import dev.sietch.http.internal.json.Wire;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /health}: always 200 while the process serves; {@code degraded} during the grace
 * period.
 */
public final class HealthRoutes {

    private final SyncHealthSource syncHealth;
    private final Duration syncInterval;

    public HealthRoutes(SyncHealthSource syncHealth, Duration syncInterval) {
        this.syncHealth = syncHealth;
        this.syncInterval = syncInterval;
    }

    public List<Route> routes() {
        return List.of(Route.get("/health", Route.Access.PUBLIC,
                "Service status: healthy, or degraded during the chain grace period (always 200)", HealthBody.class,
                this::health));
    }

    private void health(Call call) {
        call.ok(body(syncHealth.current(), call.now()));
    }

    HealthBody body(SyncHealth health, Instant now) {
        return new HealthBody(
                health.status().wireName(),
                Wire.timestamp(health.lastSuccessfulSync()),
                Wire.timestamp(health.nextSync(now, syncInterval)),
                health.inGracePeriod());
    }
}
