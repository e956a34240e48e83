package dev.sietch.discord.internal.common;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;

/**
 * How the bot posts messages of its own (announcements, alerts, the census, prompts): to which
 * channel, with which nonce, and when a failed one is tried again.
 */
public final class Posting {

    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private Posting() {}

    /** The wait before attempt {@code attempts + 1}: 30 s after the first failure, doubling, at most an hour. */
    public static Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 7);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    /** Discord's nonce (at most 25 characters), the same for every attempt of one step of one row. */
    public static String nonce(String step, long id) {
        return "sietch-" + step + "-" + id;
    }

    /**
     * A channel messages can be posted to: a text or an announcement (news) channel (accepting only
     * text channels would leave an announcement channel silently without posts).
     */
    public static Optional<GuildMessageChannel> channel(Guild guild, OptionalLong id) {
        if (id.isEmpty()) {
            return Optional.empty();
        }
        GuildMessageChannel channel = guild.getChannelById(GuildMessageChannel.class, id.getAsLong());
        if (channel == null) {
            throw new IllegalStateException("channel " + id.getAsLong() + " is not a text or announcement channel of the guild");
        }
        return Optional.of(channel);
    }
}
