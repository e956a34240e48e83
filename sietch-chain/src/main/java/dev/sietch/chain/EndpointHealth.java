package dev.sietch.chain;

import java.time.Duration;

/**
 * How a JSON-RPC endpoint is doing, as the indexer sees it.
 *
 * @param endpoint scheme, host and port only (never the path or query, which may hold a key)
 * @param healthy answering, and not cooling down after a rate limit or a failure streak
 * @param consecutiveFailures failed requests in a row
 * @param requests requests sent since start
 * @param failures failed requests since start
 * @param latency a moving average of the request latency
 * @param lastError the kind and text of the last failure, empty if none
 */
public record EndpointHealth(String endpoint, boolean healthy, int consecutiveFailures, long requests, long failures,
        Duration latency, String lastError) {}
