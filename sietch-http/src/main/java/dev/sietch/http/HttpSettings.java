package dev.sietch.http;

import dev.sietch.core.model.Secret;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the API listens and who may call what.
 *
 * @param host the interface to bind, e.g. {@code 127.0.0.1} (behind Caddy) or {@code 0.0.0.0}
 * @param port the TCP port; {@code 0} picks a free one (tests)
 * @param trustedProxies addresses or CIDR blocks of reverse proxies whose {@code X-Forwarded-For}
 *     names the client; from anyone else the header is ignored
 * @param rateLimits requests per minute and client
 * @param adminKeys the keys accepted in {@code X-API-Key} on {@code /admin/*}
 * @param memberTokenSecret the key member tokens are signed with; without it the member routes
 *     answer 401 to everyone
 */
public record HttpSettings(String host, int port, List<String> trustedProxies, RateLimits rateLimits,
        List<AdminKey> adminKeys, Optional<Secret> memberTokenSecret) {

    /** Loopback: the service's own reverse proxy (Caddy) runs on the same machine. */
    public static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1/128");

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        trustedProxies = List.copyOf(trustedProxies);
        for (String proxy : trustedProxies) {
            AddressBlock.parse(proxy); // fails with a message naming the bad entry
        }
        Objects.requireNonNull(rateLimits, "rateLimits");
        adminKeys = List.copyOf(adminKeys);
        Objects.requireNonNull(memberTokenSecret, "memberTokenSecret");
    }

    /** Loopback proxies, the default limits, no admin keys and no member tokens. */
    public HttpSettings(String host, int port) {
        this(host, port, LOOPBACK, RateLimits.DEFAULT, List.of(), Optional.empty());
    }

    public HttpSettings withRateLimits(RateLimits limits) {
        return new HttpSettings(host, port, trustedProxies, limits, adminKeys, memberTokenSecret);
    }

    public HttpSettings withAdminKeys(List<AdminKey> keys) {
        return new HttpSettings(host, port, trustedProxies, rateLimits, keys, memberTokenSecret);
    }

    public HttpSettings withMemberTokenSecret(Secret secret) {
        return new HttpSettings(host, port, trustedProxies, rateLimits, adminKeys, Optional.of(secret));
    }

    public HttpSettings withTrustedProxies(List<String> proxies) {
        return new HttpSettings(host, port, proxies, rateLimits, adminKeys, memberTokenSecret);
    }

    /**
     * Requests per client per minute (fixed one-minute windows); 0 turns a limit off. Every request
     * counts against {@code public}; {@code /api/*} also against {@code member}, {@code /admin/*}
     * also against {@code admin}.
     */
    public record RateLimits(int publicPerMinute, int memberPerMinute, int adminPerMinute) {

        /** 100, 60 and 30 per minute. */
        public static final RateLimits DEFAULT = new RateLimits(100, 60, 30);

        public RateLimits {
            if (publicPerMinute < 0 || memberPerMinute < 0 || adminPerMinute < 0) {
                throw new IllegalArgumentException("rate limits must not be negative");
            }
        }
    }
}
