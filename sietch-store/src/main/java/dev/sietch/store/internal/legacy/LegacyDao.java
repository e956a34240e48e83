package dev.sietch.store.internal.legacy;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** The rows an import writes, each already checked by {@link LegacyValues}. */
interface LegacyDao {

    @SqlUpdate("""
            INSERT INTO admin_override (wallet, action, reason, created_by, created_at, expires_at, active)
            VALUES (:wallet, :action, :reason, :by, :at, :expires, :active)""")
    int override(@Bind("wallet") String wallet, @Bind("action") String action, @Bind("reason") String reason,
            @Bind("by") String createdBy, @Bind("at") String createdAt, @Bind("expires") @Nullable String expiresAt,
            @Bind("active") int active);

    @SqlUpdate("INSERT INTO wallet_link (discord_user_id, wallet, linked_at) VALUES (:account, :wallet, :at)")
    int walletLink(@Bind("account") String account, @Bind("wallet") String wallet, @Bind("at") String linkedAt);

    @SqlUpdate("""
            INSERT INTO member_profile (member_id, discord_user_id, nym, bio, pfp_url, pfp_type, tier,
                created_at, updated_at, nym_last_changed, onboarding_complete, onboarding_step,
                is_former_naib)
            VALUES (:id, :account, :nym, :bio, :url, :type, :tier, :created, :updated, :nymChanged,
                :complete, :step, :former)""")
    int profile(@Bind("id") String memberId, @Bind("account") String account, @Bind("nym") String nym,
            @Bind("bio") @Nullable String bio, @Bind("url") @Nullable String pfpUrl, @Bind("type") String pfpType,
            @Bind("tier") String tier, @Bind("created") String createdAt, @Bind("updated") String updatedAt,
            @Bind("nymChanged") @Nullable String nymLastChanged, @Bind("complete") int onboardingComplete,
            @Bind("step") int onboardingStep, @Bind("former") int formerNaib);

    @SqlUpdate("""
            INSERT INTO member_badge (member_id, badge_id, awarded_at, awarded_by, award_reason, revoked,
                revoked_at, revoked_by)
            VALUES (:member, :badge, :at, :by, :reason, :revoked, :revokedAt, :revokedBy)""")
    int badge(@Bind("member") String memberId, @Bind("badge") String badgeId, @Bind("at") String awardedAt,
            @Bind("by") @Nullable String awardedBy, @Bind("reason") @Nullable String reason,
            @Bind("revoked") int revoked, @Bind("revokedAt") @Nullable String revokedAt,
            @Bind("revokedBy") @Nullable String revokedBy);

    @SqlUpdate("""
            INSERT INTO member_activity (member_id, balance, peak, last_decay_at, last_active_at, messages,
                reactions_given, reactions_received)
            VALUES (:member, :balance, :peak, :decay, :active, :messages, :given, :received)""")
    int activity(@Bind("member") String memberId, @Bind("balance") double balance, @Bind("peak") double peak,
            @Bind("decay") String lastDecayAt, @Bind("active") @Nullable String lastActiveAt,
            @Bind("messages") long messages, @Bind("given") long reactionsGiven,
            @Bind("received") long reactionsReceived);

    @SqlUpdate("""
            INSERT INTO naib_seat (seat_number, member_id, seated_at, unseated_at, unseat_reason,
                bumped_by_member_id, bgt_at_seating, bgt_at_unseating)
            VALUES (:seat, :member, :seated, :unseated, :reason, :bumpedBy, :bgt, :bgtOut)""")
    int seat(@Bind("seat") int seatNumber, @Bind("member") String memberId, @Bind("seated") String seatedAt,
            @Bind("unseated") @Nullable String unseatedAt, @Bind("reason") @Nullable String unseatReason,
            @Bind("bumpedBy") @Nullable String bumpedBy, @Bind("bgt") String bgtAtSeating,
            @Bind("bgtOut") @Nullable String bgtAtUnseating);

    @SqlUpdate("""
            INSERT INTO waitlist_registration (discord_user_id, wallet, position_at_registration,
                bgt_at_registration, registered_at, notified_at, active)
            VALUES (:account, :wallet, :position, :bgt, :registered, :notified, :active)""")
    int registration(@Bind("account") String account, @Bind("wallet") String wallet, @Bind("position") int position,
            @Bind("bgt") String bgt, @Bind("registered") String registeredAt,
            @Bind("notified") @Nullable String notifiedAt, @Bind("active") int active);

    @SqlUpdate("""
            INSERT INTO notification_preference (member_id, position_updates, at_risk_warnings,
                naib_alerts, frequency, alerts_sent_this_week, created_at, updated_at)
            VALUES (:member, :position, :risk, :naib, :frequency, :sent, :created, :updated)""")
    int preference(@Bind("member") String memberId, @Bind("position") int positionUpdates,
            @Bind("risk") int atRiskWarnings, @Bind("naib") int naibAlerts, @Bind("frequency") String frequency,
            @Bind("sent") int alertsSentThisWeek, @Bind("created") String createdAt, @Bind("updated") String updatedAt);

    @SqlUpdate("""
            INSERT INTO alert_history (recipient_id, recipient_type, alert_type, alert_data, delivered,
                delivery_error, sent_at)
            VALUES (:recipient, :type, :alert, :data, :delivered, :error, :at)""")
    int alert(@Bind("recipient") String recipientId, @Bind("type") String recipientType,
            @Bind("alert") String alertType, @Bind("data") String alertData, @Bind("delivered") int delivered,
            @Bind("error") @Nullable String error, @Bind("at") String sentAt);
}
