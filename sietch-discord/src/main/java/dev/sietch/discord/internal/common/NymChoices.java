package dev.sietch.discord.internal.common;

import dev.sietch.core.port.Members;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.Command;

/** Nym suggestions: onboarded members whose nym contains what was typed (any case), A–Z, at most 25. */
public final class NymChoices {

    /** Discord shows at most 25 choices. */
    public static final int MAX = 25;

    private NymChoices() {}

    public static List<Command.Choice> plain(Members members, String typed) {
        return members.searchNyms(typed.strip(), MAX).stream().map(m -> new Command.Choice(m.nym(), m.nym())).toList();
    }

    /** With the tier's emoji after the nym (the value stays the bare nym). */
    public static List<Command.Choice> withTier(Members members, String typed) {
        return members.searchNyms(typed.strip(), MAX).stream()
                .map(m -> new Command.Choice(m.nym() + " (" + MemberEmbeds.tierEmoji(m.tier()) + ")", m.nym()))
                .toList();
    }
}
