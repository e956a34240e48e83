package dev.sietch.chain;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where and how the indexer reads the chain.
 *
 * @param rpcUrls JSON-RPC endpoints in order of preference ({@code http} or {@code https}); an
 *     empty list means the indexer is not configured
 * @param bgtAddress the BGT token contract, lower-case, if configured; its {@code Transfer}s to the
 *     zero address are burns
 * @param burnsStartBlock the first block to index BGT burns from
 * @param vaults the reward vaults whose {@code RewardPaid} events are claims
 * @param scan how far and how wide to scan
 * @param retry timeouts and retries of single requests
 * @param eventFile a CSV file of events to index instead of the chain (fixtures, replays)
 */
public record ChainSettings(List<URI> rpcUrls, Optional<String> bgtAddress, long burnsStartBlock,
        List<VaultSource> vaults, Scan scan, Retry retry, Optional<Path> eventFile) {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");

    public ChainSettings {
        rpcUrls = List.copyOf(rpcUrls);
        Objects.requireNonNull(bgtAddress, "bgtAddress");
        vaults = List.copyOf(vaults);
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(eventFile, "eventFile");
        for (URI url : rpcUrls) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                throw new IllegalArgumentException("RPC URL must be an absolute http(s) URL: " + redact(url));
            }
        }
        bgtAddress = bgtAddress.map(a -> address(a, "BGT address"));
        if (burnsStartBlock < 0) {
            throw new IllegalArgumentException("burns start block must not be negative");
        }
        Set<String> seen = new HashSet<>();
        for (VaultSource vault : vaults) {
            if (!seen.add(vault.address())) {
                throw new IllegalArgumentException("vault " + vault.address() + " is listed twice");
            }
            if (bgtAddress.isPresent() && bgtAddress.get().equals(vault.address())) {
                throw new IllegalArgumentException("vault " + vault.address() + " is the BGT address");
            }
        }
    }

    /** Endpoints, BGT address and event file only; everything else at its default. */
    public ChainSettings(List<URI> rpcUrls, Optional<String> bgtAddress, Optional<Path> eventFile) {
        this(rpcUrls, bgtAddress, 0, List.of(), Scan.DEFAULT, Retry.DEFAULT, eventFile);
    }

    /**
     * How the indexer scans.
     *
     * @param confirmations blocks below the head that count as settled (when not using the tag)
     * @param finalizedTag scan up to the endpoint's {@code finalized} block instead, falling back to
     *     head − confirmations where the endpoint does not support the tag
     * @param maxBlockRange the widest {@code eth_getLogs} block range; narrowed when an endpoint
     *     refuses, widened back after successes
     * @param parallelRequests how many ranges are fetched at once
     */
    public record Scan(int confirmations, boolean finalizedTag, int maxBlockRange, int parallelRequests) {

        public static final Scan DEFAULT = new Scan(20, false, 10_000, 4);

        public Scan {
            if (confirmations < 0 || confirmations > 10_000) {
                throw new IllegalArgumentException("confirmations must be between 0 and 10000, was " + confirmations);
            }
            if (maxBlockRange < 1 || maxBlockRange > 10_000_000) {
                throw new IllegalArgumentException("max block range must be between 1 and 10000000, was " + maxBlockRange);
            }
            if (parallelRequests < 1 || parallelRequests > 64) {
                throw new IllegalArgumentException("parallel requests must be between 1 and 64, was " + parallelRequests);
            }
        }
    }

    /**
     * How one request is retried.
     *
     * @param requestTimeout how long one HTTP request may take
     * @param maxAttempts rounds over all endpoints before the chain counts as unavailable
     * @param baseDelay the first back-off between rounds (doubling, with full jitter)
     * @param maxDelay the longest back-off, and the longest {@code Retry-After} honoured
     */
    public record Retry(Duration requestTimeout, int maxAttempts, Duration baseDelay, Duration maxDelay) {

        public static final Retry DEFAULT = new Retry(Duration.ofSeconds(30), 4, Duration.ofMillis(500),
                Duration.ofSeconds(30));

        public Retry {
            positive(requestTimeout, "request timeout");
            positive(baseDelay, "retry base delay");
            positive(maxDelay, "retry max delay");
            if (maxAttempts < 1 || maxAttempts > 100) {
                throw new IllegalArgumentException("max attempts must be between 1 and 100, was " + maxAttempts);
            }
            if (maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalArgumentException("retry max delay must not be below the base delay");
            }
        }

        private static void positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
        }
    }

    /** True when there is at least one endpoint and a BGT address to index. */
    public boolean isConfigured() {
        return !rpcUrls.isEmpty() && bgtAddress.isPresent();
    }

    /** The ledger's name for the BGT burns' cursor. */
    public Optional<String> burnsSourceName() {
        return bgtAddress.map(a -> "burns:" + a);
    }

    /**
     * A form of an endpoint that is safe to log: scheme and host only. Providers put API keys in
     * the path or query, so neither is ever shown.
     */
    public static String redact(URI url) {
        return (url.getScheme() == null ? "?" : url.getScheme()) + "://"
                + (url.getHost() == null ? "?" : url.getHost()) + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    static String address(String value, String what) {
        String lower = Objects.requireNonNull(value, what).trim().toLowerCase(Locale.ROOT);
        if (!ADDRESS.matcher(lower).matches()) {
            throw new IllegalArgumentException(what + " must be 0x followed by 40 hex digits");
        }
        return lower;
    }

    @Override
    public String toString() {
        return "ChainSettings[rpcUrls=" + rpcUrls.stream().map(ChainSettings::redact).toList()
                + ", bgtAddress=" + bgtAddress.orElse("unset") + ", burnsStartBlock=" + burnsStartBlock
                + ", vaults=" + vaults + ", scan=" + scan + ", retry=" + retry
                + ", eventFile=" + eventFile.map(Path::toString).orElse("unset") + "]";
    }
}
