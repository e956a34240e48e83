package dev.sietch.discord.internal.ranking;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.Wei;
import dev.sietch.core.usecase.JoinWaitlist;
import dev.sietch.discord.internal.interaction.SlashCommand;
import java.util.OptionalLong;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.UserSnowflake;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /register-waitlist register|status|unregister}, for anyone, every
 * answer private. A registration gives the @Taqwa role when one is configured (kept on
 * unregistering); the footer says so only when it was given.
 */
public final class WaitlistCommand implements SlashCommand {

    private static final Logger log = LoggerFactory.getLogger(WaitlistCommand.class);
    static final int FAILED = 0xFF4444;

    private final JoinWaitlist waitlist;
    private final OptionalLong taqwa;

    public WaitlistCommand(JoinWaitlist waitlist, OptionalLong taqwa) {
        this.waitlist = waitlist;
        this.taqwa = taqwa;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("register-waitlist", "Register for eligibility alerts when you can join the Sietch")
                .addSubcommands(
                        new SubcommandData("register", "Register a wallet in positions 70-100")
                                .addOption(OptionType.STRING, "wallet", "The wallet (0x followed by 40 hex characters)", true),
                        new SubcommandData("status", "Your registration and where the wallet stands"),
                        new SubcommandData("unregister", "End your registration"));
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        DiscordUserId user = new DiscordUserId(event.getUser().getIdLong());
        String sub = event.getSubcommandName() == null ? "status" : event.getSubcommandName();
        MessageEmbed embed = switch (sub) {
            case "register" -> register(event, user, event.getOption("wallet", "", OptionMapping::getAsString));
            case "unregister" -> waitlist.unregister(user)
                    ? new EmbedBuilder().setTitle("\uD83D\uDC4B Unregistered from Waitlist").setColor(ThresholdCommand.BROWN)
                            .setDescription("You have been removed from the waitlist. You will no longer receive "
                                    + "eligibility alerts.").setFooter("Use /register-waitlist register to sign up again").build()
                    : failure("You are not registered for the waitlist.");
            default -> status(user);
        };
        event.replyEmbeds(embed).setEphemeral(true).queue();
    }

    private MessageEmbed register(SlashCommandInteractionEvent event, DiscordUserId user, String wallet) {
        return switch (waitlist.register(user, wallet)) {
            case JoinWaitlist.Refused refused -> failure(refused.message());
            case JoinWaitlist.Registered registered -> {
                boolean role = giveTaqwa(event.getGuild(), user);
                var embed = new EmbedBuilder().setTitle("\uD83D\uDCEC Waitlist Registration Complete")
                        .setColor(ThresholdCommand.BROWN)
                        .setDescription("You will get one direct message when this wallet reaches the member ranks.")
                        .addField("Your Position", "**#" + registered.registration().position() + "**", true)
                        .addField("Your BGT", "**" + ThresholdCommand.bgt(registered.registration().held()) + "**", true)
                        .addField("Distance to Entry", "**+" + ThresholdCommand.bgt(registered.toEntry()) + " BGT**", true)
                        .addField("Wallet", "`" + registered.registration().wallet().truncated() + "`", false);
                if (role) {
                    embed.setFooter("You now have the @Taqwa role and access to the Cave Entrance channels");
                }
                yield embed.build();
            }
        };
    }

    private MessageEmbed status(DiscordUserId user) {
        return waitlist.status(user).map(status -> {
            var embed = new EmbedBuilder().setTitle("\uD83D\uDCEC Your Waitlist Status").setColor(ThresholdCommand.BROWN)
                    .setFooter("Use /register-waitlist unregister to remove your registration");
            status.current().ifPresentOrElse(w -> embed
                            .setDescription("You are registered and tracking position **#" + w.rank() + "**")
                            .addField("Current Position", "**#" + w.rank() + "**", true)
                            .addField("Current BGT", "**" + ThresholdCommand.bgt(w.held()) + "**", true)
                            .addField("Distance to Entry", distance(status.toEntry().orElseThrow()), true),
                    () -> embed.setDescription("\u26A0\uFE0F Your registered wallet is no longer in the waiting "
                            + "positions (70-100): it may have dropped below position 100 or moved above position 69."));
            embed.addField("Registered Wallet", "`" + status.registration().wallet().truncated() + "`", false);
            embed.addField("Registered Since", "<t:" + status.registration().registeredAt().getEpochSecond() + ":R>", false);
            return embed.build();
        }).orElseGet(() -> failure("You are not registered for the waitlist. Use `/register-waitlist register <wallet>` "
                + "to sign up."));
    }

    private static String distance(java.math.BigInteger wei) {
        return wei.signum() >= 0 ? "**+" + ThresholdCommand.bgt(new Wei(wei)) + " BGT**"
                : "**-" + ThresholdCommand.bgt(new Wei(wei.negate())) + " BGT** (past the entry)";
    }

    private boolean giveTaqwa(Guild guild, DiscordUserId user) {
        if (taqwa.isEmpty() || guild == null) {
            return false;
        }
        Role role = guild.getRoleById(taqwa.getAsLong());
        if (role == null) {
            log.warn("Discord: the configured Taqwa role {} does not exist", taqwa.getAsLong());
            return false;
        }
        try {
            guild.addRoleToMember(UserSnowflake.fromId(user.value()), role).reason("Sietch: waitlist registration").complete();
            return true;
        } catch (RuntimeException e) {
            log.warn("Discord: Taqwa role not given: {}", e.toString());
            return false;
        }
    }

    private static MessageEmbed failure(String message) {
        return new EmbedBuilder().setTitle("\u274C Registration Failed").setColor(FAILED).setDescription(message).build();
    }
}
