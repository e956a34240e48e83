package dev.sietch.discord.internal.onboarding;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.usecase.EditProfile;
import dev.sietch.discord.internal.interaction.CommandRegistry;
import dev.sietch.discord.internal.interaction.ComponentHandler;
import dev.sietch.discord.internal.interaction.ComponentId;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/**
 * {@code /profile edit}: a DM with buttons that open the nym and bio forms and change the picture
 * (one's own, the generated avatar or none); each answer goes through {@link EditProfile} (nym
 * cooldown, same nym is no change, bio sanitised, pictures fetched and checked).
 */
public final class ProfileEditor implements ComponentHandler {

    static final String FEATURE = "profile";

    private final EditProfile edit;
    private final int maxBioLength;

    public ProfileEditor(EditProfile edit, int maxBioLength) {
        this.edit = edit;
        this.maxBioLength = maxBioLength;
    }

    @Override
    public String feature() {
        return FEATURE;
    }

    /** The {@code edit} subcommand: the caller gets the editor by DM. */
    public void start(SlashCommandInteractionEvent event, boolean hasProfile) {
        if (!hasProfile) {
            event.reply("You have no Sietch profile yet. Run /onboard to set one up.").setEphemeral(true).queue();
            return;
        }
        event.deferReply(true).queue();
        String answer;
        try {
            event.getUser().openPrivateChannel().flatMap(dm -> dm.sendMessage(new MessageCreateBuilder()
                    .setEmbeds(new EmbedBuilder().setTitle("Edit your profile").setColor(0xF5A623)
                            .setDescription("Choose what to change.").build())
                    .setComponents(ActionRow.of(
                            Button.primary(ComponentId.of(FEATURE, "nym").toString(), "Change nym"),
                            Button.secondary(ComponentId.of(FEATURE, "bio").toString(), "Edit bio"),
                            Button.secondary(ComponentId.of(FEATURE, "picture").toString(), "Change picture")))
                    .build())).complete();
            answer = "Check your DMs! I've sent you a message to edit your profile.";
        } catch (ErrorResponseException e) {
            answer = "I couldn't send you a DM. Please enable DMs from server members and try again.";
        }
        event.getHook().sendMessage(answer).setEphemeral(true).queue();
    }

    @Override
    public void handle(ComponentId id, GenericComponentInteractionCreateEvent event) {
        switch (id.action()) {
            case "nym" -> event.replyModal(Modal.create(ComponentId.of(FEATURE, "nym_form").toString(), "Change your nym")
                    .addComponents(Label.of("Nym", "3–20 letters, digits, _ or -",
                            TextInput.create("nym", TextInputStyle.SHORT).setRequiredRange(3, 20).build()))
                    .build()).queue();
            case "bio" -> event.replyModal(Modal.create(ComponentId.of(FEATURE, "bio_form").toString(), "Edit your bio")
                    .addComponents(Label.of("Bio", "Leave empty to remove it; links are removed",
                            TextInput.create("bio", TextInputStyle.PARAGRAPH).setRequired(false)
                                    .setMaxLength(maxBioLength).build()))
                    .build()).queue();
            case "picture" -> {
                var buttons = new java.util.ArrayList<Button>();
                if (edit.pictures().customEnabled()) {
                    buttons.add(Button.primary(ComponentId.of(FEATURE, "upload").toString(), "Use my own picture"));
                }
                buttons.add(Button.secondary(ComponentId.of(FEATURE, "choose", "generated").toString(), "Generated avatar"));
                buttons.add(Button.secondary(ComponentId.of(FEATURE, "choose", "none").toString(), "No picture"));
                event.reply(new MessageCreateBuilder().setContent("How would you like to change your picture?")
                        .setComponents(ActionRow.of(buttons)).build()).queue();
            }
            case "upload" -> event.replyModal(OnboardingFlow.pictureForm(ComponentId.of(FEATURE, "picture_form"))).queue();
            case "choose" -> reply(event, edit.choosePicture(new DiscordUserId(event.getUser().getIdLong()), id.args().contains("generated")));
            default -> event.reply(CommandRegistry.EXPIRED).queue();
        }
    }

    @Override
    public void handle(ComponentId id, ModalInteractionEvent event) {
        DiscordUserId user = new DiscordUserId(event.getUser().getIdLong());
        if (id.action().equals("picture_form")) {
            String url = value(event, "url");
            event.deferReply().queue();
            // the download may take seconds: not on the gateway's event thread
            Thread.ofVirtual().name("sietch-picture-" + user).start(() -> {
                EditProfile.Result result;
                try {
                    result = edit.uploadPicture(user, url);
                } catch (RuntimeException | Error e) { // the deferred answer must come, whatever happened
                    org.slf4j.LoggerFactory.getLogger(ProfileEditor.class).error("Discord: picture upload of {} failed", user, e);
                    event.getHook().sendMessage(CommandRegistry.FAILED).queue();
                    return;
                }
                switch (result) {
                    case EditProfile.Refused refused -> event.getHook().sendMessage(refused.message()).queue();
                    case EditProfile.Changed changed -> event.getHook().sendMessage(pictureMessage(changed)).queue();
                }
            });
            return;
        }
        EditProfile.Result result = switch (id.action()) {
            case "nym_form" -> edit.changeNym(user, value(event, "nym"));
            case "bio_form" -> edit.changeBio(user, value(event, "bio"));
            default -> new EditProfile.Refused(CommandRegistry.EXPIRED);
        };
        switch (result) {
            case EditProfile.Refused refused -> event.reply(refused.message()).queue();
            case EditProfile.Changed changed -> event.reply(id.action().equals("nym_form")
                    ? "Your nym is " + changed.profile().nym() + "."
                    : changed.profile().bio().map(b -> "Your bio is now: " + b).orElse("Your bio is removed.")).queue();
        }
    }

    private static void reply(net.dv8tion.jda.api.interactions.callbacks.IReplyCallback event, EditProfile.Result result) {
        switch (result) {
            case EditProfile.Refused refused -> event.reply(refused.message()).queue();
            case EditProfile.Changed changed -> event.reply(pictureMessage(changed)).queue();
        }
    }

    private static net.dv8tion.jda.api.utils.messages.MessageCreateData pictureMessage(EditProfile.Changed changed) {
        var builder = new MessageCreateBuilder();
        changed.profile().pfpUrl().ifPresentOrElse(
                url -> builder.setContent("Your picture is updated.")
                        .setEmbeds(new EmbedBuilder().setTitle(changed.profile().nym()).setThumbnail(url).build()),
                () -> builder.setContent("Your picture is removed."));
        return builder.build();
    }

    private static String value(ModalInteractionEvent event, String field) {
        ModalMapping mapping = event.getValue(field);
        return mapping == null ? "" : mapping.getAsString();
    }
}
