package dev.sietch.http;

import dev.sietch.core.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed member tokens: how a member (or the bot, on a member's behalf) proves who is calling the
 * member routes of the HTTP API. A bare {@code X-Discord-User-Id} header proves nothing.
 *
 * <p>A token is {@code sietch1.<discord user id>.<expiry, unix seconds>.<signature>}, the signature
 * being HMAC-SHA256 over the first three parts with the service's secret, base64url without
 * padding. It is sent as {@code Authorization: Bearer <token>}. It names its subject in clear (the
 * member's own id, which is not secret); it cannot be altered or extended without the secret.
 */
public final class MemberTokens {

    /** Discord snowflakes are 17 to 20 decimal digits. */
    public static final Pattern SNOWFLAKE = Pattern.compile("[1-9][0-9]{16,19}");

    private static final String VERSION = "sietch1";
    private static final int MIN_SECRET_BYTES = 32;

    private final SecretKeySpec key;

    /** @throws IllegalArgumentException if the secret is shorter than 32 bytes */
    public MemberTokens(Secret secret) {
        byte[] bytes = secret.value().getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the member token secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** A token for {@code discordUserId}, valid until {@code expiresAt}. */
    public String issue(String discordUserId, Instant expiresAt) {
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!SNOWFLAKE.matcher(discordUserId).matches()) {
            throw new IllegalArgumentException("not a Discord user id: must be 17-20 digits");
        }
        String payload = VERSION + "." + discordUserId + "." + expiresAt.getEpochSecond();
        return payload + "." + sign(payload);
    }

    /** The Discord user id the token was issued to, if its signature is valid and it has not expired at {@code now}. */
    public Optional<String> verify(String token, Instant now) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0]) || !SNOWFLAKE.matcher(parts[1]).matches()
                || !parts[2].matches("[0-9]{1,12}")) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        if (!now.isBefore(Instant.ofEpochSecond(Long.parseLong(parts[2])))) {
            return Optional.empty();
        }
        return Optional.of(parts[1]);
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] signature = mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
