package dev.sietch.core.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A block as the indexer saw it: its number and hash. The ledger keeps the most recent ones so the
 * indexer can tell whether the chain it indexed is still the canonical one.
 *
 * @param hash lower-case {@code 0x} + 64 hex digits
 */
public record BlockRef(long number, String hash) {

    private static final Pattern HASH = Pattern.compile("0x[0-9a-f]{64}");

    public BlockRef {
        Objects.requireNonNull(hash, "hash");
        hash = hash.toLowerCase(Locale.ROOT);
        if (number < 0) {
            throw new IllegalArgumentException("block number must not be negative: " + number);
        }
        if (!HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("block hash must be 0x followed by 64 hex digits");
        }
    }
}
