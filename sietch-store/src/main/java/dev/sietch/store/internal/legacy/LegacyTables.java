package dev.sietch.store.internal.legacy;

import static dev.sietch.store.internal.legacy.LegacyValues.address;
import static dev.sietch.store.internal.legacy.LegacyValues.flag;
import static dev.sietch.store.internal.legacy.LegacyValues.instant;
import static dev.sietch.store.internal.legacy.LegacyValues.nonNegative;
import static dev.sietch.store.internal.legacy.LegacyValues.oneOf;
import static dev.sietch.store.internal.legacy.LegacyValues.positive;
import static dev.sietch.store.internal.legacy.LegacyValues.snowflake;
import static dev.sietch.store.internal.legacy.LegacyValues.text;
import static dev.sietch.store.internal.legacy.LegacyValues.time;
import static dev.sietch.store.internal.legacy.LegacyValues.timeOrNull;
import static dev.sietch.store.internal.legacy.LegacyValues.wei;
import static dev.sietch.store.internal.legacy.LegacyValues.weiOrNull;

import dev.sietch.core.model.Badge;
import dev.sietch.store.LegacyImport;
import dev.sietch.store.internal.AuditWriter;
import dev.sietch.store.internal.legacy.LegacyCopy.LegacyReadFailure;
import dev.sietch.store.internal.legacy.LegacyValues.Rejected;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/** What each of the imported database's tables becomes here, in the order {@link #importAll} copies them. */
final class LegacyTables {

    private final LegacyCopy copy;
    private final Handle target;
    private final LegacyDao dao;
    private final LegacyImport.Options options;
    /** The members whose profile was imported: rows of other members are left out. */
    private final Set<String> members = new HashSet<>();

    LegacyTables(LegacyCopy copy, Handle target, LegacyImport.Options options) {
        this.copy = copy;
        this.target = target;
        this.dao = target.attach(LegacyDao.class);
        this.options = options;
    }

    void importAll() {
        overrides();
        audit();
        walletLinks();
        profiles();
        badges();
        activity();
        seats();
        waitlist();
        preferences();
        alerts();
    }

    private void overrides() {
        copy.copy("admin_overrides", "admin_override", "SELECT * FROM admin_overrides ORDER BY id", (row, notes) -> {
            dao.override(address(row.getString("address")), oneOf(row.getString("action"), "action", "add", "remove"),
                    text(row.getString("reason"), "reason"), text(row.getString("created_by"), "created_by"),
                    time(row.getString("created_at"), "created_at"), timeOrNull(row.getString("expires_at"), "expires_at"),
                    flag(row.getInt("active")));
            return true;
        });
    }

    private void audit() {
        copy.copy("audit_log", "audit_log", "SELECT * FROM audit_log ORDER BY id", (row, notes) -> {
            AuditWriter.copy(target, text(row.getString("event_type"), "event_type"),
                    text(row.getString("event_data"), "event_data"), time(row.getString("created_at"), "created_at"));
            return true;
        });
    }

    /**
     * The imported file may link a wallet to several accounts; here a wallet belongs to one account,
     * the one that verified it last.
     */
    private void walletLinks() {
        Map<String, String> newestAccountByWallet = newestAccountByWallet();
        copy.copy("wallet_mappings", "wallet_link", "SELECT * FROM wallet_mappings ORDER BY verified_at, rowid",
                (row, notes) -> {
                    String account = snowflake(row.getString("discord_user_id"), "discord_user_id");
                    String wallet = address(row.getString("wallet_address"));
                    if (!account.equals(newestAccountByWallet.get(wallet))) {
                        notes.add("wallet " + wallet + " was also linked to another account, which verified it "
                                + "later; the older link (account " + account + ") left out");
                        return false;
                    }
                    dao.walletLink(account, wallet, time(row.getString("verified_at"), "verified_at"));
                    return true;
                });
    }

    /**
     * The newest verification of each wallet wins, by the time it names (the file's two time
     * formats do not sort as text) and the address as this import reads it.
     */
    private Map<String, String> newestAccountByWallet() {
        Map<String, String> newestAccountByWallet = new HashMap<>();
        Map<String, Instant> newestAt = new HashMap<>();
        try (var statement = copy.source().createStatement();
                var rows = statement.executeQuery("SELECT discord_user_id, wallet_address, verified_at FROM wallet_mappings")) {
            while (rows.next()) {
                try {
                    String wallet = address(rows.getString(2));
                    Instant at = instant(text(rows.getString(3), "verified_at").strip(), "verified_at");
                    Instant best = newestAt.get(wallet);
                    if (best == null || at.isAfter(best)) {
                        newestAt.put(wallet, at);
                        newestAccountByWallet.put(wallet, rows.getString(1));
                    }
                } catch (Rejected e) {
                    // the row itself is refused with its reason when it is copied
                }
            }
        } catch (SQLException e) {
            throw new LegacyReadFailure(e);
        }
        return newestAccountByWallet;
    }

    private void profiles() {
        boolean formerNaib = copy.columns("member_profiles").contains("is_former_naib");
        copy.copy("member_profiles", "member_profile", "SELECT * FROM member_profiles ORDER BY created_at, rowid",
                (row, notes) -> {
                    String memberId = text(row.getString("member_id"), "member_id");
                    String type = oneOf(row.getString("pfp_type") == null ? "none" : row.getString("pfp_type"),
                            "pfp_type", "custom", "generated", "none");
                    boolean ownPicture = type.equals("custom");
                    if (ownPicture) {
                        type = "generated";
                    }
                    dao.profile(memberId, snowflake(row.getString("discord_user_id"), "discord_user_id"),
                            text(row.getString("nym"), "nym"), row.getString("bio"),
                            type.equals("generated") ? options.avatarUrl().apply(memberId) : null, type,
                            oneOf(row.getString("tier"), "tier", "naib", "fedaykin"),
                            time(row.getString("created_at"), "created_at"), time(row.getString("updated_at"), "updated_at"),
                            timeOrNull(row.getString("nym_last_changed"), "nym_last_changed"),
                            flag(row.getInt("onboarding_complete")), row.getInt("onboarding_step"),
                            formerNaib ? flag(row.getInt("is_former_naib")) : 0);
                    members.add(memberId);
                    if (ownPicture) {
                        notes.add("member " + memberId + ": own picture replaced by the generated avatar (pictures "
                                + "are fetched and checked by Sietch; the member can upload it again)");
                    }
                    return true;
                });
    }

    private void badges() {
        Set<String> known = new HashSet<>();
        for (Badge badge : Badge.values()) {
            known.add(badge.id());
        }
        copy.copy("member_badges", "member_badge", "SELECT * FROM member_badges ORDER BY id", (row, notes) -> {
            String memberId = member(row.getString("member_id"));
            String badge = text(row.getString("badge_id"), "badge_id").replace('-', '_');
            if (!known.contains(badge)) {
                throw new Rejected("unknown badge '" + row.getString("badge_id") + "'");
            }
            boolean revoked = flag(row.getInt("revoked")) == 1;
            dao.badge(memberId, badge, time(row.getString("awarded_at"), "awarded_at"), row.getString("awarded_by"),
                    row.getString("award_reason"), revoked ? 1 : 0,
                    revoked ? timeOrNull(row.getString("revoked_at"), "revoked_at") : null,
                    revoked ? row.getString("revoked_by") : null);
            return true;
        });
    }

    private void activity() {
        copy.copy("member_activity", "member_activity", "SELECT * FROM member_activity ORDER BY member_id", (row, notes) -> {
            String memberId = member(row.getString("member_id"));
            double balance = nonNegative(row.getDouble("activity_balance"), "activity_balance");
            double peak = Math.max(balance, nonNegative(row.getDouble("peak_balance"), "peak_balance"));
            dao.activity(memberId, balance, peak, time(row.getString("last_decay_at"), "last_decay_at"),
                    timeOrNull(row.getString("last_active_at"), "last_active_at"), row.getLong("total_messages"),
                    row.getLong("total_reactions_given"), row.getLong("total_reactions_received"));
            return true;
        });
    }

    private void seats() {
        copy.copy("naib_seats", "naib_seat", "SELECT * FROM naib_seats ORDER BY id", (row, notes) -> {
            String memberId = member(row.getString("member_id"));
            String bumpedBy = row.getString("bumped_by_member_id");
            if (bumpedBy != null && !members.contains(bumpedBy)) {
                notes.add("seat " + row.getLong("id") + ": bumped by member " + bumpedBy + ", who was not imported; "
                        + "kept without it");
                bumpedBy = null;
            }
            String reason = row.getString("unseat_reason");
            dao.seat(positive(row.getInt("seat_number"), "seat_number"), memberId,
                    time(row.getString("seated_at"), "seated_at"), timeOrNull(row.getString("unseated_at"), "unseated_at"),
                    reason == null ? null : oneOf(reason, "unseat_reason", "bumped", "left_server", "ineligible", "manual"),
                    bumpedBy, wei(row.getString("bgt_at_seating"), "bgt_at_seating"),
                    weiOrNull(row.getString("bgt_at_unseating"), "bgt_at_unseating"));
            return true;
        });
    }

    private void waitlist() {
        copy.copy("waitlist_registrations", "waitlist_registration", "SELECT * FROM waitlist_registrations ORDER BY id",
                (row, notes) -> {
                    String registered = time(row.getString("registered_at"), "registered_at");
                    String notifiedAt = timeOrNull(row.getString("notified_at"), "notified_at");
                    if (flag(row.getInt("notified")) == 1 && notifiedAt == null) {
                        notifiedAt = registered;
                    }
                    dao.registration(snowflake(row.getString("discord_user_id"), "discord_user_id"),
                            address(row.getString("wallet_address")),
                            positive(row.getInt("position_at_registration"), "position_at_registration"),
                            wei(row.getString("bgt_at_registration"), "bgt_at_registration"), registered, notifiedAt,
                            flag(row.getInt("active")));
                    return true;
                });
    }

    private void preferences() {
        copy.copy("notification_preferences", "notification_preference", "SELECT * FROM notification_preferences ORDER BY id",
                (row, notes) -> {
                    dao.preference(member(row.getString("member_id")), flag(row.getInt("position_updates")),
                            flag(row.getInt("at_risk_warnings")), flag(row.getInt("naib_alerts")),
                            oneOf(row.getString("frequency"), "frequency", "1_per_week", "2_per_week", "3_per_week",
                                    "daily"),
                            Math.max(0, row.getInt("alerts_sent_this_week")),
                            time(row.getString("created_at"), "created_at"), time(row.getString("updated_at"), "updated_at"));
                    return true;
                });
    }

    /** History only: an alert never delivered is not sent now, long after the fact. */
    private void alerts() {
        copy.copy("alert_history", "alert_history", "SELECT * FROM alert_history ORDER BY id", (row, notes) -> {
            boolean delivered = flag(row.getInt("delivered")) == 1;
            String error = row.getString("delivery_error");
            if (!delivered && error == null) {
                error = "not delivered before the import";
            }
            dao.alert(text(row.getString("recipient_id"), "recipient_id"),
                    oneOf(row.getString("recipient_type"), "recipient_type", "member", "waitlist"),
                    oneOf(row.getString("alert_type"), "alert_type", "position_update", "at_risk_warning", "naib_threat",
                            "naib_bump", "naib_seated", "waitlist_eligible"),
                    text(row.getString("alert_data"), "alert_data"), delivered ? 1 : 0, error,
                    time(row.getString("sent_at"), "sent_at"));
            return true;
        });
    }

    private String member(@Nullable String memberId) throws Rejected {
        if (memberId == null || !members.contains(memberId)) {
            throw new Rejected("member " + memberId + " has no imported profile");
        }
        return memberId;
    }
}
