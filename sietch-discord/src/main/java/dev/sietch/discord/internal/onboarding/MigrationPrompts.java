package dev.sietch.discord.internal.onboarding;

import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.PromptOutcome;
import dev.sietch.core.usecase.MigrateMembers;
import dev.sietch.discord.DeliveryStats;
import dev.sietch.discord.internal.common.Posting;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the owners of placeholder profiles (members from before the social layer) to finish them:
 * a DM with a button that starts the onboarding wizard, or, when they take no DMs, a mention in the
 * fallback channel. At most {@link MigrateMembers#PROMPTS_PER_RUN} per run, {@code gap} apart, and
 * each owner once (never the same ten again at every run).
 */
public final class MigrationPrompts {

    private static final Logger log = LoggerFactory.getLogger(MigrationPrompts.class);

    private final OptionalLong fallback;
    private final DeliveryStats stats;

    public MigrationPrompts(OptionalLong fallback, DeliveryStats stats) {
        this.fallback = fallback;
        this.stats = stats;
    }

    /** @return how many owners were asked (by DM or in the channel) */
    public int run(Guild guild, MigrateMembers migration, Duration gap) throws InterruptedException {
        int asked = 0;
        boolean first = true;
        for (MemberProfile placeholder : migration.toPrompt()) {
            if (!first) {
                Thread.sleep(gap.toMillis());
            }
            first = false;
            PromptOutcome outcome = prompt(guild, placeholder);
            migration.prompted(placeholder.memberId(), outcome);
            if (outcome != PromptOutcome.UNREACHABLE) {
                asked++;
            }
        }
        return asked;
    }

    private PromptOutcome prompt(Guild guild, MemberProfile placeholder) {
        String account = placeholder.discordUserId().wire();
        try {
            guild.getJDA().openPrivateChannelById(account).flatMap(dm -> dm.sendMessage(new MessageCreateBuilder()
                    .setEmbeds(new EmbedBuilder().setTitle("Finish your Sietch profile").setColor(0xF5A623)
                            .setDescription("You joined Sietch before member profiles existed, so yours still has the "
                                    + "placeholder name **" + placeholder.nym() + "**. Choose your nym, picture and bio "
                                    + "to appear in the directory and the leaderboard; it takes a minute.")
                            .build())
                    .setComponents(ActionRow.of(OnboardingFlow.startButton()))
                    .build())).complete();
            stats.count(DeliveryStats.Kind.DIRECT_MESSAGE);
            return PromptOutcome.SENT;
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() != ErrorResponse.CANNOT_SEND_TO_USER
                    && e.getErrorResponse() != ErrorResponse.UNKNOWN_USER) {
                throw e;
            }
        }
        Optional<GuildMessageChannel> channel = Posting.channel(guild, fallback);
        if (channel.isEmpty()) {
            log.info("Discord: member {} takes no direct messages and no fallback channel is set; not asked",
                    placeholder.memberId());
            return PromptOutcome.UNREACHABLE;
        }
        channel.get().sendMessage("<@" + account + "> you joined Sietch before member profiles existed. Run /onboard "
                + "here to choose your nym, picture and bio.").mentionUsers(account).complete();
        stats.count(DeliveryStats.Kind.FALLBACK);
        return PromptOutcome.FALLBACK;
    }
}
