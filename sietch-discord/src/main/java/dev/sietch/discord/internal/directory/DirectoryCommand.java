package dev.sietch.discord.internal.directory;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.TenureCategory;
import dev.sietch.core.port.Members;
import dev.sietch.discord.internal.common.MemberEmbeds;
import dev.sietch.discord.internal.interaction.CommandRegistry;
import dev.sietch.discord.internal.interaction.ComponentHandler;
import dev.sietch.discord.internal.interaction.ComponentId;
import dev.sietch.discord.internal.interaction.SlashCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
 * {@code /directory}: onboarded members, ten per page, filtered by
 * tier and sorted by name (A–Z), tenure (oldest first, as the label
 * says) or badge count (most first). Filters apply before the page is cut, and ties
 * are broken by member id, so pages are stable. The view (page, tier, sort) travels in the
 * components' ids instead of a five-minute in-memory session, so the buttons keep working after
 * a restart and nothing is held per user.
 */
public final class DirectoryCommand implements SlashCommand, ComponentHandler {

    static final String FEATURE = "directory";
    static final int PAGE_SIZE = 10;
    private static final int COLOUR = 0x2B7A78;

    enum Sort {
        NYM("nym", "Name (A-Z)", "\uD83D\uDD24", Members.Sort.NYM, false),
        TENURE("tenure", "Tenure (Oldest first)", "\uD83D\uDCC5", Members.Sort.TENURE, false),
        BADGES("badgeCount", "Badge Count", "\uD83C\uDFC5", Members.Sort.BADGE_COUNT, true);

        final String token;
        final String label;
        final String emoji;
        final Members.Sort sort;
        final boolean descending;

        Sort(String token, String label, String emoji, Members.Sort sort, boolean descending) {
            this.token = token;
            this.label = label;
            this.emoji = emoji;
            this.sort = sort;
            this.descending = descending;
        }

        static Sort of(String token) {
            for (Sort s : values()) {
                if (s.token.equals(token)) {
                    return s;
                }
            }
            return NYM;
        }
    }

    /** What one directory message shows. */
    record View(int page, Optional<Role> tier, Sort sort) {

        String tierToken() {
            return tier.map(Role::wireName).orElse("all");
        }

        static Optional<Role> tier(String token) {
            return switch (token) {
                case "naib" -> Optional.of(Role.NAIB);
                case "fedaykin" -> Optional.of(Role.FEDAYKIN);
                default -> Optional.empty();
            };
        }
    }

    private final Members members;
    private final Instant launch;
    private final Clock clock;

    public DirectoryCommand(Members members, Instant launch, Clock clock) {
        this.members = members;
        this.launch = launch;
        this.clock = clock;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("directory", "Browse the member directory");
    }

    @Override
    public String feature() {
        return FEATURE;
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        if (members.byDiscordId(new DiscordUserId(event.getUser().getIdLong())).filter(MemberProfile::onboardingComplete).isEmpty()) {
            event.reply("Complete your Sietch profile first to browse the directory. Run /onboard to set one up.")
                    .setEphemeral(true).queue();
            return;
        }
        event.reply(render(new View(1, Optional.empty(), Sort.NYM))).setEphemeral(true).queue();
    }

    @Override
    public void handle(ComponentId id, GenericComponentInteractionCreateEvent event) {
        List<String> args = id.args();
        View view;
        switch (id.action()) {
            case "prev", "next", "refresh" -> {
                if (args.size() != 3) {
                    event.reply(CommandRegistry.EXPIRED).setEphemeral(true).queue();
                    return;
                }
                int page = parsePage(args.get(0));
                page = switch (id.action()) {
                    case "prev" -> Math.max(1, page - 1);
                    case "next" -> page + 1;
                    default -> page;
                };
                view = new View(page, View.tier(args.get(1)), Sort.of(args.get(2)));
            }
            case "tier" -> view = new View(1, View.tier(selected(event)), Sort.of(args.isEmpty() ? "nym" : args.get(0)));
            case "sort" -> view = new View(1, View.tier(args.isEmpty() ? "all" : args.get(0)), Sort.of(selected(event)));
            default -> {
                event.reply(CommandRegistry.EXPIRED).setEphemeral(true).queue();
                return;
            }
        }
        event.editMessage(MessageEditData.fromCreateData(render(view))).queue();
    }

    private static int parsePage(String text) {
        try {
            return Math.max(1, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String selected(GenericComponentInteractionCreateEvent event) {
        return event instanceof StringSelectInteractionEvent select && !select.getValues().isEmpty()
                ? select.getValues().getFirst() : "";
    }

    MessageCreateData render(View requested) {
        Instant now = clock.instant();
        Members.DirectoryPage result = query(requested, now);
        int totalPages = (result.total() + PAGE_SIZE - 1) / PAGE_SIZE;
        View view = requested;
        if (requested.page() > totalPages && totalPages > 0) {
            view = new View(totalPages, requested.tier(), requested.sort());
            result = query(view, now);
        }
        var embed = new EmbedBuilder().setTitle("\uD83D\uDCD6 Member Directory").setColor(COLOUR).setTimestamp(now);
        if (result.members().isEmpty()) {
            embed.setDescription("No members found matching the filters.");
        } else {
            var lines = new StringBuilder();
            for (int i = 0; i < result.members().size(); i++) {
                MemberProfile m = result.members().get(i);
                lines.append((view.page() - 1) * PAGE_SIZE + i + 1).append(". ").append(MemberEmbeds.tierEmoji(m.tier()))
                        .append(" **").append(m.nym()).append("** ")
                        .append(MemberEmbeds.tenure(TenureCategory.of(m.memberSince(), now, launch)).split(" ")[0]);
                if (m.badgeCount() > 0) {
                    lines.append(" (").append(m.badgeCount()).append(m.badgeCount() == 1 ? " badge)" : " badges)");
                }
                lines.append('\n');
            }
            embed.setDescription(lines.toString().strip());
            embed.setFooter("Page " + view.page() + "/" + totalPages + " • " + result.total() + " total members");
        }
        String tier = view.tierToken();
        String sort = view.sort().token;
        String page = Integer.toString(view.page());
        var tiers = StringSelectMenu.create(ComponentId.of(FEATURE, "tier", sort).toString()).setPlaceholder("Filter by tier")
                .addOptions(option("All Tiers", "all", "\uD83D\uDC65", tier), option("Naib (Top 7)", "naib", "\uD83D\uDC51", tier),
                        option("Fedaykin", "fedaykin", "\u2694\uFE0F", tier))
                .build();
        var sorts = StringSelectMenu.create(ComponentId.of(FEATURE, "sort", tier).toString()).setPlaceholder("Sort by")
                .addOptions(java.util.Arrays.stream(Sort.values()).map(s -> option(s.label, s.token, s.emoji, sort)).toList())
                .build();
        var buttons = ActionRow.of(
                Button.secondary(ComponentId.of(FEATURE, "prev", page, tier, sort).toString(), "Previous")
                        .withEmoji(Emoji.fromUnicode("\u25C0\uFE0F")).withDisabled(view.page() <= 1),
                Button.secondary(ComponentId.of(FEATURE, "refresh", page, tier, sort).toString(), "Refresh")
                        .withEmoji(Emoji.fromUnicode("\uD83D\uDD04")),
                Button.secondary(ComponentId.of(FEATURE, "next", page, tier, sort).toString(), "Next")
                        .withEmoji(Emoji.fromUnicode("\u25B6\uFE0F")).withDisabled(view.page() >= totalPages));
        return new MessageCreateBuilder().setEmbeds(embed.build())
                .setComponents(ActionRow.of(tiers), ActionRow.of(sorts), buttons).build();
    }

    private Members.DirectoryPage query(View view, Instant now) {
        return members.directory(new Members.DirectoryQuery(view.page(), PAGE_SIZE, view.tier(), Optional.empty(),
                Optional.empty(), view.sort().sort, view.sort().descending, now, launch));
    }

    private static SelectOption option(String label, String value, String emoji, String current) {
        return SelectOption.of(label, value).withEmoji(Emoji.fromUnicode(emoji)).withDefault(value.equals(current));
    }
}
