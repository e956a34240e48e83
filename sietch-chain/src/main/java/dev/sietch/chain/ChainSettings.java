package dev.sietch.chain;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the indexer reads the chain.
 *
 * @param rpcUrls JSON-RPC endpoints in order of preference ({@code http} or {@code https}); an
 *     empty list means the indexer is not configured
 * @param bgtAddress the BGT token contract, lower-case, if configured
 * @param eventFile a CSV file of events to index instead of the chain (fixtures, replays)
 */
public record ChainSettings(List<URI> rpcUrls, Optional<String> bgtAddress, Optional<Path> eventFile) {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");

    public ChainSettings {
        rpcUrls = List.copyOf(rpcUrls);
        Objects.requireNonNull(bgtAddress, "bgtAddress");
        Objects.requireNonNull(eventFile, "eventFile");
        for (URI url : rpcUrls) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                throw new IllegalArgumentException("RPC URL must be an absolute http(s) URL: " + redact(url));
            }
        }
        bgtAddress = bgtAddress.map(a -> a.toLowerCase(Locale.ROOT));
        bgtAddress.ifPresent(a -> {
            if (!ADDRESS.matcher(a).matches()) {
                throw new IllegalArgumentException("BGT address must be 0x followed by 40 hex digits");
            }
        });
    }

    /** True when there is at least one endpoint and a BGT address to index. */
    public boolean isConfigured() {
        return !rpcUrls.isEmpty() && bgtAddress.isPresent();
    }

    /**
     * A form of an endpoint that is safe to log: scheme and host only. Providers put API keys in
     * the path or query, so neither is ever shown.
     */
    public static String redact(URI url) {
        return (url.getScheme() == null ? "?" : url.getScheme()) + "://"
                + (url.getHost() == null ? "?" : url.getHost()) + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    @Override
    public String toString() {
        return "ChainSettings[rpcUrls=" + rpcUrls.stream().map(ChainSettings::redact).toList()
                + ", bgtAddress=" + bgtAddress.orElse("unset")
                + ", eventFile=" + eventFile.map(Path::toString).orElse("unset") + "]";
    }
}
