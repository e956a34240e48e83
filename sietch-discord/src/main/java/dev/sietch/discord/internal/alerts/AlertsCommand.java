package dev.sietch.discord.internal.alerts;

import dev.sietch.core.model.AlertFrequency;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.port.Members;
import dev.sietch.core.port.NaibSeats;
import dev.sietch.core.port.Notifications;
import dev.sietch.discord.internal.interaction.CommandRegistry;
import dev.sietch.discord.internal.interaction.ComponentHandler;
import dev.sietch.discord.internal.interaction.ComponentId;
import dev.sietch.discord.internal.interaction.SlashCommand;
import java.time.Clock;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * {@code /alerts}:
 * the caller's alert preferences, privately, with buttons that switch each kind and a menu for the
 * weekly frequency; every click updates the same message. A click always changes the clicker's own
 * preferences (the ids carry no member id to forge). The Naib switch is shown to seat holders.
 */
public final class AlertsCommand implements SlashCommand, ComponentHandler {

    static final String FEATURE = "alerts";
    private static final int BLUE = 0x4169E1;

    private final Members members;
    private final Notifications notifications;
    private final NaibSeats seats;
    private final Clock clock;

    public AlertsCommand(Members members, Notifications notifications, NaibSeats seats, Clock clock) {
        this.members = members;
        this.notifications = notifications;
        this.seats = seats;
        this.clock = clock;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("alerts", "Manage your notification preferences");
    }

    @Override
    public String feature() {
        return FEATURE;
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        Optional<MemberProfile> member = members.byDiscordId(new DiscordUserId(event.getUser().getIdLong()));
        if (member.isEmpty()) {
            event.reply("You have no Sietch profile yet. Run /onboard to set one up.").setEphemeral(true).queue();
            return;
        }
        event.reply(view(member.get())).setEphemeral(true).queue();
    }

    @Override
    public void handle(ComponentId id, GenericComponentInteractionCreateEvent event) {
        Optional<MemberProfile> member = members.byDiscordId(new DiscordUserId(event.getUser().getIdLong()));
        if (member.isEmpty()) {
            event.reply("You have no Sietch profile yet. Run /onboard to set one up.").setEphemeral(true).queue();
            return;
        }
        MemberId memberId = member.get().memberId();
        Notifications.Preferences now = notifications.preferences(memberId, clock.instant());
        Notifications.Change change;
        switch (id.action()) {
            case "toggle" -> {
                String which = id.args().isEmpty() ? "" : id.args().getFirst();
                change = switch (which) {
                    case "position" -> change(Optional.of(!now.positionUpdates()), Optional.empty(), Optional.empty());
                    case "atrisk" -> change(Optional.empty(), Optional.of(!now.atRiskWarnings()), Optional.empty());
                    case "naib" -> change(Optional.empty(), Optional.empty(), Optional.of(!now.naibAlerts()));
                    default -> null;
                };
            }
            case "frequency" -> {
                Optional<AlertFrequency> frequency = event instanceof StringSelectInteractionEvent select
                        && !select.getValues().isEmpty() ? AlertFrequency.of(select.getValues().getFirst())
                        : Optional.empty();
                change = frequency.map(f -> new Notifications.Change(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of(f))).orElse(null);
            }
            case "off" -> change = change(Optional.of(false), Optional.of(false), Optional.of(false));
            default -> change = null;
        }
        if (change == null) {
            event.reply(CommandRegistry.EXPIRED).setEphemeral(true).queue();
            return;
        }
        notifications.update(memberId, change, clock.instant());
        event.editMessage(MessageEditData.fromCreateData(view(member.get()))).queue();
    }

    private static Notifications.Change change(Optional<Boolean> position, Optional<Boolean> atRisk, Optional<Boolean> naib) {
        return new Notifications.Change(position, atRisk, naib, Optional.empty());
    }

    MessageCreateData view(MemberProfile member) {
        Notifications.Preferences p = notifications.preferences(member.memberId(), clock.instant());
        boolean seated = seats.active().stream().anyMatch(s -> s.memberId().equals(member.memberId()));
        var embed = new EmbedBuilder().setTitle("\uD83D\uDD14 Alert Preferences").setColor(BLUE)
                .addField("\uD83D\uDCCA Position Updates", state(p.positionUpdates()) + "\nRegular updates about your rank", true)
                .addField("\u26A0\uFE0F At-Risk Warnings", state(p.atRiskWarnings())
                        + "\nWhen you enter the last positions of the member ranks", true);
        if (seated) {
            embed.addField("\uD83D\uDC51 Naib Alerts", state(p.naibAlerts()) + "\nWhen a challenger comes close to your seat", true);
        }
        embed.addField("\uD83D\uDCC5 Frequency", "**" + label(p.frequency()) + "**\n" + p.alertsSentThisWeek() + "/"
                        + p.frequency().perWeek() + " alerts sent this week", false)
                .setFooter("Changes take effect at once • Seat changes and waitlist eligibility are always sent");
        var buttons = new java.util.ArrayList<Button>();
        buttons.add(toggle("position", "Position", p.positionUpdates(), "\uD83D\uDCCA"));
        buttons.add(toggle("atrisk", "At-Risk", p.atRiskWarnings(), "\u26A0\uFE0F"));
        if (seated) {
            buttons.add(toggle("naib", "Naib", p.naibAlerts(), "\uD83D\uDC51"));
        }
        var menu = StringSelectMenu.create(ComponentId.of(FEATURE, "frequency").toString())
                .setPlaceholder("Change alert frequency");
        for (AlertFrequency f : AlertFrequency.values()) {
            menu.addOptions(SelectOption.of(label(f), f.wireName())
                    .withDescription("At most " + f.perWeek() + (f.perWeek() == 1 ? " alert" : " alerts") + " a week")
                    .withDefault(f == p.frequency()));
        }
        return new MessageCreateBuilder().setEmbeds(embed.build()).setComponents(ActionRow.of(buttons),
                ActionRow.of(menu.build()), ActionRow.of(Button.danger(ComponentId.of(FEATURE, "off").toString(),
                        "Disable All Alerts").withEmoji(Emoji.fromUnicode("\uD83D\uDD15")))).build();
    }

    private static Button toggle(String which, String name, boolean on, String emoji) {
        String id = ComponentId.of(FEATURE, "toggle", which).toString();
        return (on ? Button.secondary(id, "Disable " + name) : Button.success(id, "Enable " + name))
                .withEmoji(Emoji.fromUnicode(emoji));
    }

    private static String state(boolean on) {
        return on ? "\u2705 Enabled" : "\u274C Disabled";
    }

    static String label(AlertFrequency frequency) {
        return switch (frequency) {
            case ONE_PER_WEEK -> "1x per week";
            case TWO_PER_WEEK -> "2x per week";
            case THREE_PER_WEEK -> "3x per week";
            case DAILY -> "Daily";
        };
    }
}
