package dev.sietch.discord.internal.announcements;

import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.Role;
import dev.sietch.core.port.BotState;
import dev.sietch.core.port.RankingReader;
import dev.sietch.core.port.SyncHealthSource;
import dev.sietch.discord.DeliveryStats;
import dev.sietch.discord.internal.common.Colours;
import dev.sietch.discord.internal.common.Posting;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The #census message: one message, edited in place after every sync, so the channel is not
 * flooded with copies. Its id is kept in the bot's state; if it was deleted, a new one is posted.
 * A sync the census already shows is not edited again; before the first sync there is no census.
 */
public final class Census {

    private static final Logger log = LoggerFactory.getLogger(Census.class);

    /** Discord's limit for one embed field's value. */
    static final int FIELD_LIMIT = 1024;
    private static final String ZERO_WIDTH = "\u200B";

    private final long channelId;
    private final RankingReader rankings;
    private final RankingPolicy policy;
    private final SyncHealthSource health;
    private final BotState state;
    private final DeliveryStats stats;
    private final Clock clock;

    public Census(long channelId, RankingReader rankings, RankingPolicy policy, SyncHealthSource health,
            BotState state, DeliveryStats stats, Clock clock) {
        this.channelId = channelId;
        this.rankings = rankings;
        this.policy = policy;
        this.health = health;
        this.state = state;
        this.stats = stats;
        this.clock = clock;
    }

    /** @return whether the message was posted or edited (false when it already showed the last sync) */
    public synchronized boolean update(Guild guild) {
        Optional<Instant> lastSync = health.current().lastSuccessfulSync();
        if (lastSync.isEmpty()) {
            return false; // nothing to count before the first sync
        }
        String version = lastSync.get().toString();
        if (state.get(versionKey()).filter(version::equals).isPresent()) {
            return false;
        }
        GuildMessageChannel channel = Posting.channel(guild, java.util.OptionalLong.of(channelId)).orElseThrow();
        MessageEmbed embed = embed(rankings.members(), lastSync, policy, clock.instant());
        Optional<String> existing = state.get(messageKey());
        boolean edited = false;
        if (existing.isPresent()) {
            try {
                channel.editMessageEmbedsById(existing.get(), embed).complete();
                edited = true;
            } catch (ErrorResponseException e) {
                if (e.getErrorResponse() != ErrorResponse.UNKNOWN_MESSAGE) {
                    throw e;
                }
                log.info("Discord: the census message {} is gone; posting a new one", existing.get());
            }
        }
        if (!edited) {
            String id = channel.sendMessageEmbeds(embed).setNonce(Posting.nonce("census", version.hashCode() & 0x7fffffffL))
                    .complete().getId();
            state.put(messageKey(), id, clock.instant());
        }
        state.put(versionKey(), version, clock.instant());
        stats.count(DeliveryStats.Kind.CENSUS);
        return true;
    }

    private String messageKey() {
        return "census." + channelId + ".message";
    }

    private String versionKey() {
        return "census." + channelId + ".sync";
    }

    /** The census embed: the Naib Council and the Fedaykin, fields chunked to Discord's limit. */
    public static MessageEmbed embed(List<RankedWallet> members, Optional<Instant> lastSync, RankingPolicy policy, Instant now) {
        var builder = new EmbedBuilder().setTitle("BGT Census").setColor(Colours.GOLD)
                .setDescription("Last Updated: " + lastSync.map(Instant::toString).orElse("Unknown"))
                .setFooter("Total Eligible: " + members.size() + "/" + policy.memberCutoff()).setTimestamp(now);
        addChunked(builder, "Naib Council", members.stream().filter(m -> m.role() == Role.NAIB).toList());
        addChunked(builder, "Fedaykin", members.stream().filter(m -> m.role() != Role.NAIB).toList());
        return builder.build();
    }

    private static void addChunked(EmbedBuilder builder, String name, List<RankedWallet> wallets) {
        List<String> chunks = new ArrayList<>();
        var current = new StringBuilder();
        for (RankedWallet wallet : wallets) {
            String line = "**" + wallet.rank() + ".** `" + wallet.wallet().truncated() + "` - "
                    + Messages.bgt(wallet.held()) + " BGT";
            if (!current.isEmpty() && current.length() + 1 + line.length() > FIELD_LIMIT) {
                chunks.add(current.toString());
                current.setLength(0);
            }
            current.append(current.isEmpty() ? "" : "\n").append(line);
        }
        if (!current.isEmpty()) {
            chunks.add(current.toString());
        }
        for (int i = 0; i < chunks.size(); i++) {
            builder.addField(i == 0 ? name : ZERO_WIDTH, chunks.get(i), false);
        }
    }
}
