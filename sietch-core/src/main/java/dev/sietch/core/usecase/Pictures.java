package dev.sietch.core.usecase;

import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.ProfilePicture;
import dev.sietch.core.port.PictureFetcher;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where profile pictures are served (the HTTP API's {@code /api/avatars} and {@code /api/pictures})
 * and how a member's own picture is fetched, when custom pictures are enabled.
 */
public final class Pictures {

    static final String DISABLED = "Custom pictures are not enabled here; choose the generated avatar instead.";

    private final URI publicUrl;
    private final Optional<PictureFetcher> fetcher;

    /**
     * @param publicUrl where the HTTP API is reached from outside
     * @param fetcher downloads custom pictures; empty turns them off
     */
    public Pictures(URI publicUrl, Optional<PictureFetcher> fetcher) {
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    public boolean customEnabled() {
        return fetcher.isPresent();
    }

    /** The member's generated avatar as PNG (Discord embeds show neither SVG nor {@code data:} URLs). */
    public String avatarUrl(MemberId memberId) {
        return base() + "api/avatars/" + memberId.value() + ".png";
    }

    /**
     * The member's own picture; the version changes with every new picture, so Discord's and
     * browsers' caches do not keep showing the old one.
     */
    public String customUrl(MemberId memberId, Instant changedAt) {
        return base() + "api/pictures/" + memberId.value() + ".webp?v=" + changedAt.toEpochMilli();
    }

    public ProfilePicture fetch(String url) throws PictureFetcher.Rejected {
        if (fetcher.isEmpty()) {
            throw new PictureFetcher.Rejected(DISABLED);
        }
        return fetcher.get().fetch(url == null ? "" : url.strip());
    }

    private String base() {
        String base = publicUrl.toString();
        return base.endsWith("/") ? base : base + "/";
    }
}
