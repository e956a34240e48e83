package dev.sietch.discord.internal.activity;

import dev.sietch.core.model.Activity;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.port.ActivityLedger;
import dev.sietch.core.port.Members;
import dev.sietch.discord.internal.common.MemberEmbeds;
import dev.sietch.discord.internal.interaction.SlashCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /stats}: the caller's activity, decay applied, only to them. */
public final class StatsCommand implements SlashCommand {

    private final Members members;
    private final ActivityLedger activity;
    private final Activity.Settings settings;
    private final Clock clock;

    public StatsCommand(Members members, ActivityLedger activity, Activity.Settings settings, Clock clock) {
        this.members = members;
        this.activity = activity;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("stats", "View your personal activity statistics (private)");
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        Optional<MemberProfile> member = members.byDiscordId(new DiscordUserId(event.getUser().getIdLong()));
        if (member.isEmpty() || !member.get().onboardingComplete()) {
            event.reply("Complete your Sietch profile first to see your stats.").setEphemeral(true).queue();
            return;
        }
        Instant now = clock.instant();
        Activity a = activity.current(member.get().memberId(), now, settings).orElse(Activity.none(now));
        var embed = new EmbedBuilder().setTitle("\uD83D\uDCCA " + member.get().nym() + "'s Activity Stats")
                .setColor(0x2E8B57)
                .addField("\u26A1 Activity Balance", "**" + oneDecimal(a.balance()) + "** points\n*Peak: "
                        + oneDecimal(a.peak()) + "*", true)
                .addField("\uD83C\uDFC6 Badges", "**" + member.get().badgeCount() + "** earned", true)
                .addField("\uD83D\uDCAC Messages", String.format(Locale.US, "%,d", a.messages()), true)
                .addField("\uD83D\uDC4D Reactions Given", String.format(Locale.US, "%,d", a.reactionsGiven()), true)
                .addField("\u2764\uFE0F Reactions Received", String.format(Locale.US, "%,d", a.reactionsReceived()), true);
        a.lastActiveAt().ifPresent(at -> embed.addField("\uD83D\uDD50 Last Active", ago(at, now), true));
        MemberEmbeds.picture(member.get(), false).ifPresent(embed::setThumbnail);
        embed.setFooter("Activity balance decays " + percent(settings.decayRate()) + " every "
                + hours(settings.decayPeriod()) + " • Your stats are private");
        event.replyEmbeds(embed.build()).setEphemeral(true).queue();
    }

    static String oneDecimal(double value) {
        return String.format(Locale.US, "%,.1f", Math.floor(value * 10) / 10);
    }

    static String ago(Instant at, Instant now) {
        Duration d = Duration.between(at, now);
        if (d.toMinutes() < 1) {
            return "Just now";
        }
        if (d.toHours() < 1) {
            return plural(d.toMinutes(), "minute") + " ago";
        }
        if (d.toDays() < 1) {
            return plural(d.toHours(), "hour") + " ago";
        }
        if (d.toDays() < 7) {
            return plural(d.toDays(), "day") + " ago";
        }
        return MemberEmbeds.date(at);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String percent(double rate) {
        return String.format(Locale.US, "%.0f%%", rate * 100);
    }

    private static String hours(Duration period) {
        return period.toMinutesPart() == 0 && period.toSecondsPart() == 0 ? plural(period.toHours(), "hour")
                : period.toString();
    }
}
