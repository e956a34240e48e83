package dev.sietch.http.internal;

import dev.sietch.http.AdminKey;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Checks {@code X-API-Key} against the configured keys: the presented key is hashed and compared
 * with every key's digest in constant time, without stopping at a match. Keys are never logged,
 * not even a prefix.
 */
final class AdminAuth {

    sealed interface Result {}

    record Missing() implements Result {}

    record Invalid() implements Result {}

    record Admin(String name) implements Result {}

    private final List<AdminKey> keys;

    AdminAuth(List<AdminKey> keys) {
        this.keys = List.copyOf(keys);
    }

    Result check(Optional<String> presented) {
        if (presented.isEmpty() || presented.get().isEmpty()) {
            return new Missing();
        }
        byte[] digest = AdminKey.digest(presented.get());
        String match = null;
        for (AdminKey key : keys) {
            if (MessageDigest.isEqual(digest, key.sha256()) && match == null) {
                match = key.name();
            }
        }
        return match == null ? new Invalid() : new Admin(match);
    }
}
