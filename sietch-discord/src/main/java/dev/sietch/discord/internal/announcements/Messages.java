package dev.sietch.discord.internal.announcements;

import dev.sietch.core.model.EligibilityChange;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.Wei;
import dev.sietch.discord.internal.common.Colours;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/** The texts of the sync's announcements and direct messages. */
final class Messages {

    private Messages() {}

    /**
     * The #the-door post for a change. A Naib who leaves the ranking's members entirely is reported
     * by the sync both as removed and as demoted (to no role); the Departure post says it all (with
     * the previous role Naib), so the demotion has no post of its own: one change, one post.
     */
    static Optional<MessageEmbed> announcement(EligibilityChange change) {
        return coveredByRemoval(change) ? Optional.empty() : Optional.of(switch (change) {
            case EligibilityChange.Added a -> new EmbedBuilder().setTitle("New Eligible Member").setColor(Colours.GREEN)
                    .addField("Wallet", "`" + a.wallet().truncated() + "`", true)
                    .addField("Rank", "#" + a.rank(), true)
                    .addField("Role", roleName(a.role()), true)
                    .setFooter("Welcome to Sietch!").build();
            case EligibilityChange.Removed r -> new EmbedBuilder().setTitle("Departure").setColor(Colours.RED)
                    .addField("Wallet", "`" + r.wallet().truncated() + "`", true)
                    .addField("Reason", reason(r), true)
                    .addField("Previous Role", roleName(r.previousRole()), true).build();
            case EligibilityChange.Promoted p -> new EmbedBuilder().setTitle("New Naib Council Member").setColor(Colours.GOLD)
                    .addField("Wallet", "`" + p.wallet().truncated() + "`", true)
                    .addField("Rank", "#" + p.rank(), true).build();
            case EligibilityChange.Demoted d -> new EmbedBuilder().setTitle("Naib Council Change").setColor(Colours.PURPLE)
                    .addField("Wallet", "`" + d.wallet().truncated() + "`", true)
                    .addField("Change", "Naib to " + roleName(d.role()), true)
                    .addField("New Rank", rank(d.rank()), true).build();
        });
    }

    private static boolean coveredByRemoval(EligibilityChange change) {
        return change instanceof EligibilityChange.Demoted d && d.role() == Role.NONE;
    }

    /**
     * The direct message to the member a change concerns, if that kind of change has one. A Naib who
     * leaves the members entirely gets the removal's message only, not also a contradictory
     * "moved to Fedaykin".
     *
     * @param standing the wallet's current place in the ranking, for the BGT shown on promotion
     */
    static Optional<MessageEmbed> directMessage(EligibilityChange change, Optional<RankedWallet> standing) {
        if (coveredByRemoval(change)) {
            return Optional.empty();
        }
        return switch (change) {
            case EligibilityChange.Added a -> Optional.empty();
            case EligibilityChange.Removed r -> Optional.of(new EmbedBuilder().setTitle("Sietch Access Update")
                    .setColor(Colours.RED).setDescription("Your access to Sietch has been revoked.")
                    .addField("Reason", dmReason(r), false)
                    .addField("Previous Rank", "#" + r.previousRank(), true)
                    .addField("Current Status", "Not Eligible", true)
                    .setFooter("If you believe this is an error, please contact support.").build());
            case EligibilityChange.Demoted d -> Optional.of(new EmbedBuilder().setTitle("Naib Council Update")
                    .setColor(Colours.PURPLE).setDescription("You have been moved from the Naib Council to "
                            + roleName(d.role()) + ".")
                    .addField("Reason", "Your rank has fallen below the top 7.", false)
                    .addField("New Rank", rank(d.rank()), true)
                    .addField("New Role", roleName(d.role()), true)
                    .setFooter("You still have access to Sietch as a " + roleName(d.role()) + ".").build());
            case EligibilityChange.Promoted p -> {
                var embed = new EmbedBuilder().setTitle("Welcome to the Naib Council!").setColor(Colours.GOLD)
                        .setDescription("Congratulations! You have been promoted to Naib.")
                        .addField("Your Rank", "#" + p.rank(), true);
                standing.ifPresent(s -> embed.addField("BGT Held", bgt(s.held()) + " BGT", true));
                yield Optional.of(embed.setFooter("You now have access to the Naib Council channels.").build());
            }
        };
    }

    /**
     * Posted in the fallback channel when a member does not accept direct messages: it tells them
     * there is news and where to read it, without showing their rank or holdings next to their name.
     */
    static String fallback(String userId) {
        return "<@" + userId + "> I could not send you a direct message about your Sietch membership. Allow "
                + "direct messages from this server's members to receive these updates, and use /position to see "
                + "where you stand.";
    }

    private static String reason(EligibilityChange.Removed removed) {
        return switch (removed.reason()) {
            case RANK_CHANGE -> "Rank change (now below #69)";
            case REDEMPTION -> "Burned BGT";
            case EXCLUDED -> "Removed by an administrator";
            case NO_HOLDINGS -> "No BGT held";
        };
    }

    private static String dmReason(EligibilityChange.Removed removed) {
        return switch (removed.reason()) {
            case RANK_CHANGE -> "You have fallen below rank 69 in BGT holdings.";
            case REDEMPTION -> "Your wallet burned BGT, which ends eligibility.";
            case EXCLUDED -> "An administrator removed your wallet from the ranking.";
            case NO_HOLDINGS -> "Your wallet no longer holds BGT.";
        };
    }

    private static String rank(OptionalInt rank) {
        return rank.isPresent() ? "#" + rank.getAsInt() : "Not ranked";
    }

    static String roleName(Role role) {
        return switch (role) {
            case NAIB -> "Naib";
            case FEDAYKIN -> "Fedaykin";
            case NONE -> "None";
        };
    }


    /** BGT with exactly 2 decimals (rounded down, never overstated) and en-US grouping: {@code 1,234.56}. */
    static String bgt(Wei wei) {
        var format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.DOWN);
        return format.format(wei.toBgt());
    }
}
