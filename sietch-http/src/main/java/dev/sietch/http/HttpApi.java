package dev.sietch.http;

import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.port.RankingReader;
import dev.sietch.core.port.SyncHealthSource;
import dev.sietch.http.internal.HttpServer;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/** The running HTTP API. Start it with {@link #start}; {@link #close()} drains requests in flight, then stops. */
public final class HttpApi implements AutoCloseable {

    private final HttpServer server;

    private HttpApi(HttpServer server) {
        this.server = server;
    }

    /**
     * What the routes read.
     *
     * @param syncHealth the state of chain synchronisation, for {@code /health}
     * @param syncInterval the period of the chain sync schedule ({@code next_query} in {@code /health})
     * @param metricsScrape the Prometheus text exposition (format 0.0.4) served on {@code /metrics}
     * @param rankings the current ranking, for {@code /eligibility}
     * @param policy the rank thresholds (the member list is ranks 1 to the member cut-off)
     * @param clock the time source
     */
    public record Sources(SyncHealthSource syncHealth, Duration syncInterval, Supplier<String> metricsScrape,
            RankingReader rankings, RankingPolicy policy, Clock clock) {

        public Sources {
            Objects.requireNonNull(syncHealth, "syncHealth");
            Objects.requireNonNull(rankings, "rankings");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(syncInterval, "syncInterval");
            Objects.requireNonNull(metricsScrape, "metricsScrape");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /** Binds the listener and starts serving; fails if the address cannot be bound. */
    public static HttpApi start(HttpSettings settings, Sources sources) {
        return new HttpApi(HttpServer.start(settings, sources));
    }

    /** The bound address (the actual port when settings asked for port 0). */
    public InetSocketAddress address() {
        return server.address();
    }

    @Override
    public void close() {
        server.close();
    }
}
