package dev.sietch.discord.internal.onboarding;

import dev.sietch.discord.internal.CommandRegistry;
import dev.sietch.discord.internal.ComponentHandler;
import dev.sietch.discord.internal.ComponentId;

import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.port.OnboardingSessions.Step;
import dev.sietch.core.usecase.Onboard;
import java.util.Optional;
import java.util.OptionalLong;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The onboarding wizard in direct messages: a button opens the nym form, then buttons choose the
 * picture, then a form (or "Skip") takes the bio, and the profile is created — each answer goes
 * through {@link Onboard}, which keeps the state in the store. On completion the Onboarded role is
 * given, when one is configured.
 */
public final class OnboardingFlow implements ComponentHandler {

    private static final Logger log = LoggerFactory.getLogger(OnboardingFlow.class);
    static final String FEATURE = "onboarding";
    private static final int GOLD = 0xF5A623;

    private final Onboard onboard;
    private final long guildId;
    private final OptionalLong onboardedRole;
    private final int maxBioLength;

    public OnboardingFlow(Onboard onboard, long guildId, OptionalLong onboardedRole, int maxBioLength) {
        this.onboard = onboard;
        this.guildId = guildId;
        this.onboardedRole = onboardedRole;
        this.maxBioLength = maxBioLength;
    }

    @Override
    public String feature() {
        return FEATURE;
    }

    /** The first step's message, to send by direct message once {@link Onboard#start} said yes. */
    public static MessageCreateData firstStep() {
        return step(Step.NYM, Optional.empty());
    }

    /** Starts the wizard for the account and sends its first step by DM; returns the refusal, if any. */
    public Optional<String> startByDirectMessage(JDA jda, String discordUserId) {
        Onboard.Result result = onboard.start(discordUserId);
        if (result instanceof Onboard.Refused refused) {
            return Optional.of(refused.message());
        }
        jda.openPrivateChannelById(discordUserId).flatMap(dm -> dm.sendMessage(firstStep())).complete();
        return Optional.empty();
    }

    @Override
    public void handle(ComponentId id, GenericComponentInteractionCreateEvent event) {
        String user = event.getUser().getId();
        switch (id.action()) {
            case "nym" -> event.replyModal(Modal.create(ComponentId.of(FEATURE, "nym_form").toString(), "Choose your nym")
                    .addComponents(Label.of("Nym", "3–20 letters, digits, _ or -",
                            TextInput.create("nym", TextInputStyle.SHORT).setRequiredRange(3, 20).build()))
                    .build()).queue();
            case "picture" -> answer(event, onboard.choosePicture(user, id.args().contains("generated")));
            case "bio" -> event.replyModal(Modal.create(ComponentId.of(FEATURE, "bio_form").toString(), "Your bio")
                    .addComponents(Label.of("Bio", "Links are removed", TextInput.create("bio", TextInputStyle.PARAGRAPH)
                            .setRequiredRange(1, maxBioLength).build()))
                    .build()).queue();
            case "skip_bio" -> answer(event, onboard.finish(user, Optional.empty()));
            default -> event.reply(CommandRegistry.EXPIRED).queue();
        }
    }

    @Override
    public void handle(ComponentId id, ModalInteractionEvent event) {
        String user = event.getUser().getId();
        switch (id.action()) {
            case "nym_form" -> answer(event, onboard.chooseNym(user, value(event, "nym")));
            case "bio_form" -> answer(event, onboard.finish(user, Optional.of(value(event, "bio"))));
            default -> event.reply(CommandRegistry.EXPIRED).queue();
        }
    }

    private static String value(ModalInteractionEvent event, String field) {
        ModalMapping mapping = event.getValue(field);
        return mapping == null ? "" : mapping.getAsString();
    }

    private void answer(IReplyCallback event, Onboard.Result result) {
        switch (result) {
            case Onboard.Refused refused -> event.reply(refused.message()).queue();
            case Onboard.Next next -> event.reply(step(next.step(), next.nym())).queue();
            case Onboard.Done done -> {
                event.replyEmbeds(welcome(done.profile())).queue();
                giveOnboardedRole(event.getJDA(), done.profile());
            }
        }
    }

    private void giveOnboardedRole(JDA jda, MemberProfile profile) {
        Guild guild = jda.getGuildById(guildId);
        if (onboardedRole.isEmpty() || guild == null || guild.getRoleById(onboardedRole.getAsLong()) == null) {
            return;
        }
        guild.addRoleToMember(net.dv8tion.jda.api.entities.UserSnowflake.fromId(profile.discordUserId()),
                guild.getRoleById(onboardedRole.getAsLong())).queue(null,
                        failure -> log.warn("Discord: Onboarded role not given to {}: {}", profile.memberId(), failure.toString()));
    }

    static MessageCreateData step(Step step, Optional<String> nym) {
        var builder = new MessageCreateBuilder();
        switch (step) {
            case NYM -> builder.setEmbeds(new EmbedBuilder().setTitle("Welcome to Sietch").setColor(GOLD)
                            .setDescription("Let's set up your profile. First, choose your nym: the name other "
                                    + "members will know you by (3–20 letters, digits, _ or -). Your wallet is never "
                                    + "shown with it.")
                            .setFooter("Step 1 of 3 • the wizard waits 15 minutes for each answer").build())
                    .setComponents(ActionRow.of(Button.primary(ComponentId.of(FEATURE, "nym").toString(), "Choose your nym")));
            case PICTURE -> builder.setEmbeds(new EmbedBuilder().setTitle("Your picture").setColor(GOLD)
                            .setDescription("Nice to meet you, " + nym.orElse("") + ". Pick a picture: a generated "
                                    + "avatar (a pattern unique to you) or none.")
                            .setFooter("Step 2 of 3").build())
                    .setComponents(ActionRow.of(
                            Button.primary(ComponentId.of(FEATURE, "picture", "generated").toString(), "Generated avatar"),
                            Button.secondary(ComponentId.of(FEATURE, "picture", "none").toString(), "No picture")));
            case BIO -> builder.setEmbeds(new EmbedBuilder().setTitle("Your bio").setColor(GOLD)
                            .setDescription("Add a short bio, or skip it.").setFooter("Step 3 of 3").build())
                    .setComponents(ActionRow.of(
                            Button.primary(ComponentId.of(FEATURE, "bio").toString(), "Write a bio"),
                            Button.secondary(ComponentId.of(FEATURE, "skip_bio").toString(), "Skip")));
        }
        return builder.build();
    }

    static MessageEmbed welcome(MemberProfile profile) {
        var embed = new EmbedBuilder().setTitle("Welcome to Sietch, " + profile.nym() + "!").setColor(GOLD)
                .setDescription("Your profile is ready. Use /profile view to see it, /badges for your badges and "
                        + "/stats for your activity.");
        profile.pfpUrl().ifPresent(embed::setThumbnail);
        return embed.build();
    }
}
