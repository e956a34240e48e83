package dev.sietch.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An administrator's API key: only its SHA-256 digest is kept, and the name it acts as (written to
 * the audit log as {@code created_by} and the like). {@link #toString()} never shows the digest.
 */
public record AdminKey(String name, byte[] sha256) {

    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._@-]{1,64}");

    public AdminKey {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an admin key's name must be 1-64 letters, digits, spaces or ._@-");
        }
        if (sha256.length != 32) {
            throw new IllegalArgumentException("an admin key digest is 32 bytes");
        }
        sha256 = sha256.clone();
    }

    /** A key given in plain text (its digest is computed here; the text is not kept). */
    public static AdminKey ofPlain(String key, String name) {
        return new AdminKey(name, digest(key));
    }

    /**
     * Parses {@code ADMIN_API_KEYS}: comma-separated entries, each either {@code key:name} (the
     * format existing .env files use) or {@code sha256:<64 hex digits>:name} (the key's SHA-256, e.g. from
     * {@code printf %s "$KEY" | sha256sum}). Blank entries are skipped. Error messages name the
     * entry's position, never its text.
     */
    public static List<AdminKey> parseList(String text) {
        var keys = new ArrayList<AdminKey>();
        String[] entries = text.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                continue;
            }
            try {
                keys.add(parse(entry));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("admin key entry " + (i + 1) + ": " + e.getMessage());
            }
        }
        var names = new java.util.HashSet<String>();
        for (AdminKey key : keys) {
            if (!names.add(key.name())) {
                throw new IllegalArgumentException("admin key name used twice: " + key.name());
            }
        }
        return List.copyOf(keys);
    }

    private static AdminKey parse(String entry) {
        if (entry.startsWith("sha256:")) {
            String rest = entry.substring("sha256:".length());
            int colon = rest.indexOf(':');
            if (colon < 0 || !HEX_DIGEST.matcher(rest.substring(0, colon)).matches()) {
                throw new IllegalArgumentException("expected sha256:<64 hex digits>:name");
            }
            return new AdminKey(rest.substring(colon + 1).strip(), HexFormat.of().parseHex(rest.substring(0, colon)));
        }
        int colon = entry.indexOf(':');
        if (colon <= 0 || colon == entry.length() - 1) {
            throw new IllegalArgumentException("expected key:name or sha256:<digest>:name");
        }
        String key = entry.substring(0, colon);
        if (key.length() < 16) {
            throw new IllegalArgumentException("the key is shorter than 16 characters");
        }
        return ofPlain(key, entry.substring(colon + 1).strip());
    }

    public static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AdminKey key && name.equals(key.name) && MessageDigest.isEqual(sha256, key.sha256);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "AdminKey[" + name + "]";
    }
}
