package dev.sietch.core.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A member's own picture after processing: a square WebP image, re-hosted by Sietch (so no third
 * party's URL, which may name a Discord account, is ever shown).
 */
public final class ProfilePicture {

    public static final String MEDIA_TYPE = "image/webp";

    private final byte[] webp;
    private final int size;

    /**
     * @param webp the encoded image (copied)
     * @param size its width and height in pixels
     */
    public ProfilePicture(byte[] webp, int size) {
        Objects.requireNonNull(webp, "webp");
        if (webp.length == 0) {
            throw new IllegalArgumentException("a picture has bytes");
        }
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive, was " + size);
        }
        this.webp = webp.clone();
        this.size = size;
    }

    /** A copy of the encoded image. */
    public byte[] webp() {
        return webp.clone();
    }

    public int length() {
        return webp.length;
    }

    public int size() {
        return size;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProfilePicture p && p.size == size && Arrays.equals(p.webp, webp);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(webp) + size;
    }

    @Override
    public String toString() {
        return "ProfilePicture[" + size + "x" + size + ", " + webp.length + " bytes]";
    }
}
