package dev.sietch.http.internal.route;

import dev.sietch.http.internal.Call;
import dev.sietch.http.internal.Route;
import java.util.List;
import java.util.function.Supplier;

/** {@code GET /metrics}: the Prometheus text exposition, format 0.0.4. */
public final class MetricsRoutes {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> scrape;

    public MetricsRoutes(Supplier<String> scrape) {
        this.scrape = scrape;
    }

    public List<Route> routes() {
        return List.of(Route.get("/metrics", Route.Access.PUBLIC, "Prometheus metrics (text format 0.0.4)",
                Route.Reply.media("text/plain"), this::metrics));
    }

    private void metrics(Call call) {
        call.sendText(200, CONTENT_TYPE, scrape.get());
    }
}
