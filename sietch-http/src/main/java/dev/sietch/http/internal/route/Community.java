package dev.sietch.http.internal.route;

import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.TenureCategory;
import dev.sietch.http.internal.HttpError;
import dev.sietch.http.internal.json.MemberBodies;
import dev.sietch.http.internal.json.Wire;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** What the community routes share: the public profile body and id checks. */
final class Community {

    /** zod 3's lenient UUID check, so the same ids pass as clients expect. */
    static final Pattern UUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    /** A run of digits as long as a Discord id: a picture URL carrying one (a Discord CDN avatar) is not shown. */
    private static final Pattern SNOWFLAKE_RUN = Pattern.compile("\\d{17,20}");

    private Community() {}

    /**
     * The public profile: no Discord id, no wallet, no rank, no amount. A picture URL that embeds a
     * Discord id (cdn.discordapp.com/avatars/{id}/…) would reveal it, so it is left out.
     */
    static MemberBodies.Profile profile(MemberProfile member, Instant now, Instant launch) {
        return new MemberBodies.Profile(
                member.memberId().value(),
                member.nym(),
                member.bio(),
                publicPicture(member),
                member.tier().wireName(),
                Wire.timestamp(member.memberSince()),
                TenureCategory.of(member.memberSince(), now, launch).wireName(),
                member.badgeCount());
    }

    static Optional<String> publicPicture(MemberProfile member) {
        return member.pfpUrl().filter(url -> !SNOWFLAKE_RUN.matcher(url).find());
    }

    static MemberId memberId(String text) {
        if (!UUID.matcher(text).matches()) {
            throw HttpError.badRequest("Invalid member ID format");
        }
        return new MemberId(text.toLowerCase(java.util.Locale.ROOT));
    }
}
