package dev.sietch.discord.internal.onboarding;

import dev.sietch.core.usecase.LinkWallet;
import dev.sietch.discord.DeliveryStats;
import dev.sietch.discord.internal.common.Colours;
import java.util.Optional;
import java.util.function.Consumer;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirms a wallet link to the member by direct message. The page that completed the link has
 * already told them, so a member who refuses direct messages loses nothing; that is only logged.
 */
public final class LinkConfirmation implements Consumer<LinkWallet.Linked> {

    private static final Logger log = LoggerFactory.getLogger(LinkConfirmation.class);

    private final JDA jda;
    private final DeliveryStats stats;
    private final Optional<OnboardingFlow> onboarding;

    /** @param onboarding when present, a newly linked member without a profile is then offered the wizard */
    public LinkConfirmation(JDA jda, DeliveryStats stats, Optional<OnboardingFlow> onboarding) {
        this.jda = jda;
        this.stats = stats;
        this.onboarding = onboarding;
    }

    @Override
    public void accept(LinkWallet.Linked linked) {
        var embed = new EmbedBuilder().setTitle("Wallet linked").setColor(Colours.GREEN)
                .setDescription("Your Discord account is now linked to `" + linked.wallet().truncated() + "`.");
        linked.previous().ifPresent(previous -> embed.addField("Replaces", "`" + previous.truncated() + "`"
                + " (your profile, badges and history stay with your account)", false));
        embed.setFooter("Use /position to see where you stand.");
        jda.openPrivateChannelById(linked.discordUserId().value())
                .flatMap(dm -> dm.sendMessageEmbeds(embed.build()))
                .queue(sent -> {
                    stats.count(DeliveryStats.Kind.DIRECT_MESSAGE);
                    onboarding.ifPresent(flow -> Thread.ofVirtual().name("onboarding-start").start(() -> {
                        try {
                            flow.startByDirectMessage(jda, linked.discordUserId())
                                    .ifPresent(why -> log.info("Discord: no onboarding for {}: {}", linked.discordUserId(), why));
                        } catch (RuntimeException e) {
                            log.info("Discord: the onboarding DM to {} failed: {}", linked.discordUserId(), e.toString());
                        }
                    }));
                }, failure -> log.info("Discord: the link confirmation to {} was not delivered: {}",
                        linked.discordUserId(), failure.toString()));
    }
}
