package dev.sietch.discord.internal.onboarding;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.port.OnboardingSessions.Step;
import dev.sietch.core.usecase.Onboard;
import dev.sietch.discord.internal.interaction.CommandRegistry;
import dev.sietch.discord.internal.interaction.ComponentHandler;
import dev.sietch.discord.internal.interaction.ComponentId;
import java.util.Optional;
import java.util.function.Consumer;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
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
 * through {@link Onboard}, which keeps the state in the store. On completion the member gets the
 * roles that follow from their standing (Onboarded, and any other configured one they qualify for).
 */
public final class OnboardingFlow implements ComponentHandler {

    private static final Logger log = LoggerFactory.getLogger(OnboardingFlow.class);
    static final String FEATURE = "onboarding";
    private static final int GOLD = 0xF5A623;

    private final Onboard onboard;
    private final Consumer<MemberProfile> completed;
    private final int maxBioLength;

    /** @param completed called with each new profile (its roles: Onboarded and what else it qualifies for) */
    public OnboardingFlow(Onboard onboard, Consumer<MemberProfile> completed, int maxBioLength) {
        this.onboard = onboard;
        this.completed = completed;
        this.maxBioLength = maxBioLength;
    }

    @Override
    public String feature() {
        return FEATURE;
    }

    /** The first step's message, to send by direct message once {@link Onboard#start} said yes. */
    public MessageCreateData firstStep() {
        return step(Step.NYM, Optional.empty());
    }

    /** Starts the wizard for the account and sends its first step by DM; returns the refusal, if any. */
    public Optional<String> startByDirectMessage(JDA jda, DiscordUserId discordUserId) {
        Onboard.Result result = onboard.start(discordUserId);
        if (result instanceof Onboard.Refused refused) {
            return Optional.of(refused.message());
        }
        jda.openPrivateChannelById(discordUserId.value()).flatMap(dm -> dm.sendMessage(firstStep())).complete();
        return Optional.empty();
    }

    /** A button that starts (or restarts) the wizard, for messages sent outside it. */
    public static Button startButton() {
        return Button.primary(ComponentId.of(FEATURE, "start").toString(), "Set up my profile");
    }

    @Override
    public void handle(ComponentId id, GenericComponentInteractionCreateEvent event) {
        DiscordUserId user = new DiscordUserId(event.getUser().getIdLong());
        switch (id.action()) {
            case "start" -> answer(event, onboard.start(user));
            case "nym" -> event.replyModal(Modal.create(ComponentId.of(FEATURE, "nym_form").toString(), "Choose your nym")
                    .addComponents(Label.of("Nym", "3–20 letters, digits, _ or -",
                            TextInput.create("nym", TextInputStyle.SHORT).setRequiredRange(3, 20).build()))
                    .build()).queue();
            case "picture" -> answer(event, onboard.choosePicture(user, id.args().contains("generated")));
            case "upload" -> event.replyModal(pictureForm(ComponentId.of(FEATURE, "picture_form"))).queue();
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
        DiscordUserId user = new DiscordUserId(event.getUser().getIdLong());
        switch (id.action()) {
            case "nym_form" -> answer(event, onboard.chooseNym(user, value(event, "nym")));
            case "bio_form" -> answer(event, onboard.finish(user, Optional.of(value(event, "bio"))));
            case "picture_form" -> {
                String url = value(event, "url");
                event.deferReply().queue();
                // the download may take seconds: not on the gateway's event thread
                Thread.ofVirtual().name("sietch-picture-" + user).start(() -> {
                    Onboard.Result result;
                    try {
                        result = onboard.uploadPicture(user, url);
                    } catch (RuntimeException | Error e) { // the deferred answer must come, whatever happened
                        log.error("Discord: picture upload of {} failed", user, e);
                        event.getHook().sendMessage(CommandRegistry.FAILED).queue();
                        return;
                    }
                    switch (result) {
                        case Onboard.Next next -> event.getHook().sendMessage(MessageCreateBuilder.from(step(next.step(), next.nym()))
                                .setContent("Picture saved.").build()).queue();
                        case Onboard.Refused refused -> event.getHook().sendMessage(refused.message()).queue();
                        case Onboard.Done done -> {
                            event.getHook().sendMessageEmbeds(welcome(done.profile())).queue();
                            rolesFor(done.profile());
                        }
                    }
                });
            }
            default -> event.reply(CommandRegistry.EXPIRED).queue();
        }
    }

    /** The form asking for a picture's address (shared with the profile editor). */
    static Modal pictureForm(ComponentId id) {
        return Modal.create(id.toString(), "Your picture")
                .addComponents(Label.of("Image link (Discord or Imgur)",
                        "Upload the image to Discord, then copy its link",
                        TextInput.create("url", TextInputStyle.SHORT).setPlaceholder("https://cdn.discordapp.com/...")
                                .setRequiredRange(10, 2000).build()))
                .build();
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
                rolesFor(done.profile());
            }
        }
    }

    private void rolesFor(MemberProfile profile) {
        try {
            completed.accept(profile);
        } catch (RuntimeException e) {
            log.warn("Discord: roles not given to new member {}: {}", profile.memberId(), e.toString());
        }
    }

    MessageCreateData step(Step step, Optional<String> nym) {
        var builder = new MessageCreateBuilder();
        switch (step) {
            case NYM -> builder.setEmbeds(new EmbedBuilder().setTitle("Welcome to Sietch").setColor(GOLD)
                            .setDescription("Let's set up your profile. First, choose your nym: the name other "
                                    + "members will know you by (3–20 letters, digits, _ or -). Your wallet is never "
                                    + "shown with it.")
                            .setFooter("Step 1 of 3 • the wizard waits 15 minutes for each answer").build())
                    .setComponents(ActionRow.of(Button.primary(ComponentId.of(FEATURE, "nym").toString(), "Choose your nym")));
            case PICTURE -> {
                boolean custom = onboard.pictures().customEnabled();
                var buttons = new java.util.ArrayList<Button>();
                if (custom) {
                    buttons.add(Button.primary(ComponentId.of(FEATURE, "upload").toString(), "Use my own picture"));
                }
                buttons.add(Button.primary(ComponentId.of(FEATURE, "picture", "generated").toString(), "Generated avatar"));
                buttons.add(Button.secondary(ComponentId.of(FEATURE, "picture", "none").toString(), "No picture"));
                builder.setEmbeds(new EmbedBuilder().setTitle("Your picture").setColor(GOLD)
                                .setDescription("Nice to meet you, " + nym.orElse("") + ". Pick a picture: "
                                        + (custom ? "your own (a link to an image on Discord or Imgur), " : "")
                                        + "a generated avatar (a pattern unique to you) or none.")
                                .setFooter("Step 2 of 3").build())
                        .setComponents(ActionRow.of(buttons));
            }
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
