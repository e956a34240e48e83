package dev.sietch.app.config;

import dev.sietch.core.model.Secret;
import dev.sietch.http.AddressBlock;
import dev.sietch.http.AdminKey;
import dev.sietch.http.HttpSettings;
import dev.sietch.http.MemberTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code sietch.http}: the listener, trusted proxies, rate limits, admin keys and the member-token secret. */
final class HttpSection {

    private static final String H = "sietch.http.";

    private HttpSection() {}

    static HttpSettings read(ConfigReader reader) {
        var limits = new HttpSettings.RateLimits(
                reader.intBetween(H + "rate-limits.public", 0, 1_000_000_000),
                reader.intBetween(H + "rate-limits.member", 0, 1_000_000_000),
                reader.intBetween(H + "rate-limits.admin", 0, 1_000_000_000));
        List<String> proxies = new ArrayList<>();
        for (String proxy : reader.stringList(H + "trusted-proxies")) {
            try {
                AddressBlock.parse(proxy);
                proxies.add(proxy);
            } catch (IllegalArgumentException e) {
                reader.fail(H + "trusted-proxies", e.getMessage(), null);
            }
        }
        List<AdminKey> keys = List.of();
        try {
            keys = AdminKey.parseList(String.join(",", reader.stringList(H + "admin-keys")));
        } catch (IllegalArgumentException e) {
            reader.failShowing(H + "admin-keys", e.getMessage()); // the message never quotes a key
        }
        Optional<Secret> memberTokenSecret = reader.optionalString(H + "member-token-secret").map(Secret::new);
        if (memberTokenSecret.isPresent()) {
            try {
                new MemberTokens(memberTokenSecret.get());
            } catch (IllegalArgumentException e) {
                reader.failShowing(H + "member-token-secret", e.getMessage());
            }
        }
        return new HttpSettings(reader.string(H + "host"), reader.intBetween(H + "port", 1, 65_535), proxies, limits,
                keys, memberTokenSecret);
    }
}
