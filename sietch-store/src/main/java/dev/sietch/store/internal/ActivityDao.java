package dev.sietch.store.internal;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** member_activity, and the automatic badges of member_badge. */
@RegisterConstructorMapper(ActivityDao.MemberRow.class)
@RegisterConstructorMapper(ActivityDao.ActivityRow.class)
interface ActivityDao {

    String COLUMNS = """
            balance, peak, last_decay_at, last_active_at, messages, reactions_given, reactions_received,
                last_message_counted_at, last_reaction_counted_at""";

    record MemberRow(String memberId, String createdAt) {}

    record ActivityRow(double balance, double peak, String lastDecayAt, @Nullable String lastActiveAt, long messages,
            long reactionsGiven, long reactionsReceived, @Nullable String lastMessageCountedAt,
            @Nullable String lastReactionCountedAt) {}

    @SqlQuery("""
            SELECT member_id, created_at FROM member_profile
            WHERE discord_user_id = :id AND onboarding_complete = 1""")
    Optional<MemberRow> onboardedMember(@Bind("id") String discordUserId);

    @SqlQuery("SELECT member_id FROM member_activity WHERE balance > 0")
    List<String> withBalance();

    @SqlQuery("SELECT " + COLUMNS + " FROM member_activity WHERE member_id = :id")
    Optional<ActivityRow> find(@Bind("id") String memberId);

    @SqlUpdate("INSERT INTO member_activity (member_id, " + COLUMNS + """
            ) VALUES (:id, :balance, :peak, :decay, :active, :messages, :given, :received, :lastMessage,
                :lastReaction)
            ON CONFLICT (member_id) DO UPDATE SET balance = excluded.balance, peak = excluded.peak,
                last_decay_at = excluded.last_decay_at, last_active_at = excluded.last_active_at,
                messages = excluded.messages, reactions_given = excluded.reactions_given,
                reactions_received = excluded.reactions_received,
                last_message_counted_at = excluded.last_message_counted_at,
                last_reaction_counted_at = excluded.last_reaction_counted_at""")
    int save(@Bind("id") String memberId, @Bind("balance") double balance, @Bind("peak") double peak,
            @Bind("decay") String lastDecayAt, @Bind("active") @Nullable String lastActiveAt,
            @Bind("messages") long messages, @Bind("given") long reactionsGiven, @Bind("received") long reactionsReceived,
            @Bind("lastMessage") @Nullable String lastMessageCountedAt,
            @Bind("lastReaction") @Nullable String lastReactionCountedAt);

    /** Awards a badge the member has never held; a revoked badge stays revoked (0 rows). */
    @SqlUpdate("""
            INSERT INTO member_badge (member_id, badge_id, awarded_at, awarded_by, award_reason)
            SELECT :member, :badge, :at, 'system', :reason
            WHERE EXISTS (SELECT 1 FROM member_profile WHERE member_id = :member)
            ON CONFLICT (member_id, badge_id) DO NOTHING""")
    int awardAutomatic(@Bind("member") String memberId, @Bind("badge") String badgeId, @Bind("at") String at,
            @Bind("reason") String reason);
}
