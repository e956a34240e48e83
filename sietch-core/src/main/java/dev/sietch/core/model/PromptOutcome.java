package dev.sietch.core.model;

import java.util.Locale;

/** How the owner of a placeholder profile was asked to finish it. */
public enum PromptOutcome {
    /** By direct message. */
    SENT,
    /** DMs closed: mentioned in the fallback channel instead. */
    FALLBACK,
    /** Neither a DM nor a fallback channel reached them. */
    UNREACHABLE;

    /** {@code sent}, {@code fallback}, {@code unreachable}: the names in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
