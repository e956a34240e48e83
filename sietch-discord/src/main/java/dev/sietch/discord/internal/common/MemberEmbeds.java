package dev.sietch.discord.internal.common;

import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.TenureCategory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** What the member commands share: tier emoji and colour, tenure labels, dates, pictures. */
public final class MemberEmbeds {

    public static final int GOLD = 0xF5A623;
    public static final int BLUE = 0x3498DB;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US)
            .withZone(ZoneOffset.UTC);

    private MemberEmbeds() {}

    public static String tierEmoji(Role tier) {
        return tier == Role.NAIB ? "\uD83D\uDC51" : "\u2694\uFE0F";
    }

    public static String tierName(Role tier) {
        return tier == Role.NAIB ? "Naib" : "Fedaykin";
    }

    public static int tierColour(Role tier) {
        return tier == Role.NAIB ? GOLD : BLUE;
    }

    /** Labels that say what the categories mean ("joined at launch", not a duration). */
    public static String tenure(TenureCategory category) {
        return switch (category) {
            case OG -> "\uD83C\uDFDB\uFE0F OG (joined at launch)";
            case ELDER -> "\uD83D\uDCDC Elder (180+ days)";
            case VETERAN -> "\uD83C\uDF96\uFE0F Veteran (90+ days)";
            case MEMBER -> "\uD83C\uDF31 Member";
        };
    }

    public static String date(Instant instant) {
        return DATE.format(instant);
    }

    /**
     * A picture Discord can show: an http(s) URL (a {@code data:} URL is not shown in embeds, and a
     * URL embedding a Discord id is not shown publicly).
     */
    public static Optional<String> picture(MemberProfile member, boolean publicly) {
        return member.pfpUrl().filter(url -> url.startsWith("https://") || url.startsWith("http://"))
                .filter(url -> !publicly || !url.matches(".*/\\d{17,20}(/.*)?"));
    }
}
