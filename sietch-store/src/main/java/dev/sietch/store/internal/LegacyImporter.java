package dev.sietch.store.internal;

import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.Badge;
import dev.sietch.store.LegacyImport;
import dev.sietch.store.StoreException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;

/**
 * Copies a predecessor database into this one, in one write transaction: either everything
 * importable arrives or nothing does. The predecessor's file is opened read-only.
 *
 * <p>Rows that cannot be represented (an address that is not one, a time that is not one, a
 * member the row depends on that was not imported) are left out and named in the report; nothing
 * is guessed.
 */
public final class LegacyImporter {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final int WEI_WIDTH = 78;
    private static final String ROW = "legacy_row";
    /** Tables of this database that must be empty: an import starts a deployment, it does not merge. */
    private static final List<String> MUST_BE_EMPTY = List.of("wallet_link", "member_profile", "admin_override",
            "naib_seat", "waitlist_registration", "notification_preference", "alert_history");

    private final Database db;

    public LegacyImporter(Database db) {
        this.db = db;
    }

    public LegacyImport.Report importFrom(Path legacy, LegacyImport.Options options, Instant now) {
        if (!Files.isRegularFile(legacy)) {
            throw new IllegalArgumentException(legacy + ": no such file");
        }
        var config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection source = config.createConnection("jdbc:sqlite:" + legacy.toAbsolutePath())) {
            Set<String> tables = tables(source);
            if (!tables.contains("wallet_mappings") || !tables.contains("audit_log")) {
                throw new IllegalArgumentException(legacy + " is not a sietch-service database "
                        + "(it has no wallet_mappings or audit_log table)");
            }
            return db.write(target -> {
                refuseIfNotEmpty(target);
                var run = new Run(source, target, tables, options);
                run.overrides();
                run.audit();
                run.walletLinks();
                run.profiles();
                run.badges();
                run.activity();
                run.seats();
                run.waitlist();
                run.preferences();
                run.alerts();
                var report = new LegacyImport.Report(run.results, run.skipped());
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("source", legacy.getFileName().toString());
                for (LegacyImport.Table table : report.tables()) {
                    data.put(table.to(), table.imported());
                }
                AuditWriter.write(target, new AuditEntry("legacy_import", data),
                        Timestamps.format(now));
                return report;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot read " + legacy + ": " + e.getMessage(), e);
        } catch (LegacyReadFailure e) {
            throw new StoreException("cannot read " + legacy + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void refuseIfNotEmpty(Handle target) {
        List<String> filled = new ArrayList<>();
        for (String table : MUST_BE_EMPTY) {
            long rows = target.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one();
            if (rows > 0) {
                filled.add(table + " (" + rows + ")");
            }
        }
        if (!filled.isEmpty()) {
            throw new IllegalStateException("this database already holds community data: " + String.join(", ", filled)
                    + "; import into a new database");
        }
    }

    private static Set<String> tables(Connection source) throws SQLException {
        Set<String> names = new HashSet<>();
        try (var statement = source.createStatement();
                var rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    /** A read of the predecessor's file failed inside the write transaction (rolled back). */
    private static final class LegacyReadFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LegacyReadFailure(SQLException cause) {
            super(cause);
        }
    }

    /** A value that cannot be imported; the row is left out with this reason. */
    private static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    @FunctionalInterface
    private interface RowImport {
        /** Writes the row (returns true) or leaves it out (returns false, after adding a note). */
        boolean apply(ResultSet row, List<String> notes) throws SQLException, Rejected;
    }

    private static final class Run {

        private final Connection source;
        private final Handle target;
        private final Set<String> tables;
        private final LegacyImport.Options options;
        private final List<LegacyImport.Table> results = new ArrayList<>();
        private final Set<String> members = new HashSet<>();

        Run(Connection source, Handle target, Set<String> tables, LegacyImport.Options options) {
            this.source = source;
            this.target = target;
            this.tables = tables;
            this.options = options;
        }

        List<String> skipped() {
            List<String> skipped = new ArrayList<>();
            skip(skipped, "eligibility_snapshots", "rankings are recomputed from the chain; the first sync announces nothing");
            skip(skipped, "current_eligibility", "rankings are recomputed from the chain; the first sync announces nothing");
            skip(skipped, "health_status", "sync health starts again with the first sync");
            skip(skipped, "cached_claim_events", "never used by the predecessor; events are indexed from the chain");
            skip(skipped, "cached_burn_events", "never used by the predecessor; events are indexed from the chain");
            skip(skipped, "badges", "the badge catalogue is built in (same ids)");
            skip(skipped, "member_perks", "never used by the predecessor");
            skip(skipped, "threshold_snapshots", "threshold history belongs to syncs; it starts again with the first sync");
            return skipped;
        }

        private void skip(List<String> skipped, String table, String reason) {
            if (tables.contains(table)) {
                skipped.add(table + " (" + count(table) + " rows): " + reason);
            }
        }

        private long count(String table) {
            try (var statement = source.createStatement();
                    var rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                rows.next();
                return rows.getLong(1);
            } catch (SQLException e) {
                throw new LegacyReadFailure(e);
            }
        }

        private void copy(String from, String to, String query, RowImport rowImport) {
            if (!tables.contains(from)) {
                return;
            }
            int read = 0;
            int imported = 0;
            List<String> notes = new ArrayList<>();
            try (var statement = source.createStatement(); var rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    read++;
                    // a savepoint per row: a refused row is undone alone (PostgreSQL would otherwise
                    // refuse every later statement of the transaction)
                    target.savepoint(ROW);
                    try {
                        if (rowImport.apply(rows, notes)) {
                            imported++;
                        }
                        target.release(ROW);
                    } catch (Rejected e) {
                        target.rollbackToSavepoint(ROW);
                        notes.add(from + " row " + read + ": " + e.getMessage() + "; left out");
                    } catch (UnableToExecuteStatementException e) {
                        if (!constraintViolation(e)) {
                            throw e; // a failing database, not a row it refuses: nothing is imported
                        }
                        target.rollbackToSavepoint(ROW);
                        Throwable cause = e.getCause() == null ? e : e.getCause();
                        notes.add(from + " row " + read + ": refused by the database (" + cause.getMessage() + "); left out");
                    }
                }
            } catch (SQLException e) {
                throw new LegacyReadFailure(e);
            }
            results.add(new LegacyImport.Table(from, to, read, imported, notes));
        }

        private Set<String> columns(String table) {
            Set<String> names = new HashSet<>();
            try (var statement = source.createStatement();
                    var rows = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
                while (rows.next()) {
                    names.add(rows.getString("name"));
                }
            } catch (SQLException e) {
                throw new LegacyReadFailure(e);
            }
            return names;
        }

        void overrides() {
            copy("admin_overrides", "admin_override", "SELECT * FROM admin_overrides ORDER BY id", (row, notes) -> {
                target.createUpdate("""
                                INSERT INTO admin_override (wallet, action, reason, created_by, created_at, expires_at, active)
                                VALUES (:wallet, :action, :reason, :by, :at, :expires, :active)""")
                        .bind("wallet", address(row.getString("address")))
                        .bind("action", oneOf(row.getString("action"), "action", "add", "remove"))
                        .bind("reason", text(row.getString("reason"), "reason"))
                        .bind("by", text(row.getString("created_by"), "created_by"))
                        .bind("at", time(row.getString("created_at"), "created_at"))
                        .bind("expires", timeOrNull(row.getString("expires_at"), "expires_at"))
                        .bind("active", flag(row.getInt("active")))
                        .execute();
                return true;
            });
        }

        void audit() {
            copy("audit_log", "audit_log", "SELECT * FROM audit_log ORDER BY id", (row, notes) -> {
                AuditWriter.copy(target, text(row.getString("event_type"), "event_type"),
                        text(row.getString("event_data"), "event_data"), time(row.getString("created_at"), "created_at"));
                return true;
            });
        }

        /**
         * The predecessor did not keep a wallet to one account; here a wallet belongs to one account,
         * the one that verified it last.
         */
        void walletLinks() {
            // the newest verification wins, by the time it names (the predecessor's two time
            // formats do not sort as text) and the address as this import reads it
            Map<String, String> newestAccountByWallet = new HashMap<>();
            Map<String, Instant> newestAt = new HashMap<>();
            try (var statement = source.createStatement();
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
                        // the row itself is refused with its reason below
                    }
                }
            } catch (SQLException e) {
                throw new LegacyReadFailure(e);
            }
            copy("wallet_mappings", "wallet_link", "SELECT * FROM wallet_mappings ORDER BY verified_at, rowid",
                    (row, notes) -> {
                        String account = snowflake(row.getString("discord_user_id"), "discord_user_id");
                        String wallet = address(row.getString("wallet_address"));
                        if (!account.equals(newestAccountByWallet.get(wallet))) {
                            notes.add("wallet " + wallet + " was also linked to another account, which verified it "
                                    + "later; the older link (account " + account + ") left out");
                            return false;
                        }
                        target.createUpdate("""
                                        INSERT INTO wallet_link (discord_user_id, wallet, linked_at) VALUES (:account, :wallet, :at)""")
                                .bind("account", account).bind("wallet", wallet)
                                .bind("at", time(row.getString("verified_at"), "verified_at"))
                                .execute();
                        return true;
                    });
        }

        void profiles() {
            boolean formerNaib = columns("member_profiles").contains("is_former_naib");
            copy("member_profiles", "member_profile", "SELECT * FROM member_profiles ORDER BY created_at, rowid",
                    (row, notes) -> {
                        String memberId = text(row.getString("member_id"), "member_id");
                        String type = oneOf(row.getString("pfp_type") == null ? "none" : row.getString("pfp_type"),
                                "pfp_type", "custom", "generated", "none");
                        boolean ownPicture = type.equals("custom");
                        if (ownPicture) {
                            type = "generated";
                        }
                        target.createUpdate("""
                                        INSERT INTO member_profile (member_id, discord_user_id, nym, bio, pfp_url, pfp_type, tier,
                                            created_at, updated_at, nym_last_changed, onboarding_complete, onboarding_step,
                                            is_former_naib)
                                        VALUES (:id, :account, :nym, :bio, :url, :type, :tier, :created, :updated, :nymChanged,
                                            :complete, :step, :former)""")
                                .bind("id", memberId)
                                .bind("account", snowflake(row.getString("discord_user_id"), "discord_user_id"))
                                .bind("nym", text(row.getString("nym"), "nym"))
                                .bind("bio", row.getString("bio"))
                                .bind("url", type.equals("generated") ? options.avatarUrl().apply(memberId) : null)
                                .bind("type", type)
                                .bind("tier", oneOf(row.getString("tier"), "tier", "naib", "fedaykin"))
                                .bind("created", time(row.getString("created_at"), "created_at"))
                                .bind("updated", time(row.getString("updated_at"), "updated_at"))
                                .bind("nymChanged", timeOrNull(row.getString("nym_last_changed"), "nym_last_changed"))
                                .bind("complete", flag(row.getInt("onboarding_complete")))
                                .bind("step", row.getInt("onboarding_step"))
                                .bind("former", formerNaib ? flag(row.getInt("is_former_naib")) : 0)
                                .execute();
                        members.add(memberId);
                        if (ownPicture) {
                            notes.add("member " + memberId + ": own picture replaced by the generated avatar (pictures "
                                    + "are fetched and checked by Sietch; the member can upload it again)");
                        }
                        return true;
                    });
        }

        void badges() {
            Set<String> known = new HashSet<>();
            for (Badge badge : Badge.values()) {
                known.add(badge.id());
            }
            copy("member_badges", "member_badge", "SELECT * FROM member_badges ORDER BY id", (row, notes) -> {
                String memberId = member(row.getString("member_id"));
                String badge = text(row.getString("badge_id"), "badge_id").replace('-', '_');
                if (!known.contains(badge)) {
                    throw new Rejected("unknown badge '" + row.getString("badge_id") + "'");
                }
                boolean revoked = flag(row.getInt("revoked")) == 1;
                target.createUpdate("""
                                INSERT INTO member_badge (member_id, badge_id, awarded_at, awarded_by, award_reason, revoked,
                                    revoked_at, revoked_by)
                                VALUES (:member, :badge, :at, :by, :reason, :revoked, :revokedAt, :revokedBy)""")
                        .bind("member", memberId).bind("badge", badge)
                        .bind("at", time(row.getString("awarded_at"), "awarded_at"))
                        .bind("by", row.getString("awarded_by"))
                        .bind("reason", row.getString("award_reason"))
                        .bind("revoked", revoked ? 1 : 0)
                        .bind("revokedAt", revoked ? timeOrNull(row.getString("revoked_at"), "revoked_at") : null)
                        .bind("revokedBy", revoked ? row.getString("revoked_by") : null)
                        .execute();
                return true;
            });
        }

        void activity() {
            copy("member_activity", "member_activity", "SELECT * FROM member_activity ORDER BY member_id", (row, notes) -> {
                String memberId = member(row.getString("member_id"));
                double balance = nonNegative(row.getDouble("activity_balance"), "activity_balance");
                double peak = Math.max(balance, nonNegative(row.getDouble("peak_balance"), "peak_balance"));
                target.createUpdate("""
                                INSERT INTO member_activity (member_id, balance, peak, last_decay_at, last_active_at, messages,
                                    reactions_given, reactions_received)
                                VALUES (:member, :balance, :peak, :decay, :active, :messages, :given, :received)""")
                        .bind("member", memberId).bind("balance", balance).bind("peak", peak)
                        .bind("decay", time(row.getString("last_decay_at"), "last_decay_at"))
                        .bind("active", timeOrNull(row.getString("last_active_at"), "last_active_at"))
                        .bind("messages", row.getLong("total_messages"))
                        .bind("given", row.getLong("total_reactions_given"))
                        .bind("received", row.getLong("total_reactions_received"))
                        .execute();
                return true;
            });
        }

        void seats() {
            copy("naib_seats", "naib_seat", "SELECT * FROM naib_seats ORDER BY id", (row, notes) -> {
                String memberId = member(row.getString("member_id"));
                String bumpedBy = row.getString("bumped_by_member_id");
                if (bumpedBy != null && !members.contains(bumpedBy)) {
                    notes.add("seat " + row.getLong("id") + ": bumped by member " + bumpedBy + ", who was not imported; "
                            + "kept without it");
                    bumpedBy = null;
                }
                String reason = row.getString("unseat_reason");
                target.createUpdate("""
                                INSERT INTO naib_seat (seat_number, member_id, seated_at, unseated_at, unseat_reason,
                                    bumped_by_member_id, bgt_at_seating, bgt_at_unseating)
                                VALUES (:seat, :member, :seated, :unseated, :reason, :bumpedBy, :bgt, :bgtOut)""")
                        .bind("seat", positive(row.getInt("seat_number"), "seat_number"))
                        .bind("member", memberId)
                        .bind("seated", time(row.getString("seated_at"), "seated_at"))
                        .bind("unseated", timeOrNull(row.getString("unseated_at"), "unseated_at"))
                        .bind("reason", reason == null ? null
                                : oneOf(reason, "unseat_reason", "bumped", "left_server", "ineligible", "manual"))
                        .bind("bumpedBy", bumpedBy)
                        .bind("bgt", wei(row.getString("bgt_at_seating"), "bgt_at_seating"))
                        .bind("bgtOut", weiOrNull(row.getString("bgt_at_unseating"), "bgt_at_unseating"))
                        .execute();
                return true;
            });
        }

        void waitlist() {
            copy("waitlist_registrations", "waitlist_registration", "SELECT * FROM waitlist_registrations ORDER BY id",
                    (row, notes) -> {
                        String registered = time(row.getString("registered_at"), "registered_at");
                        String notifiedAt = timeOrNull(row.getString("notified_at"), "notified_at");
                        if (flag(row.getInt("notified")) == 1 && notifiedAt == null) {
                            notifiedAt = registered;
                        }
                        target.createUpdate("""
                                        INSERT INTO waitlist_registration (discord_user_id, wallet, position_at_registration,
                                            bgt_at_registration, registered_at, notified_at, active)
                                        VALUES (:account, :wallet, :position, :bgt, :registered, :notified, :active)""")
                                .bind("account", snowflake(row.getString("discord_user_id"), "discord_user_id"))
                                .bind("wallet", address(row.getString("wallet_address")))
                                .bind("position", positive(row.getInt("position_at_registration"), "position_at_registration"))
                                .bind("bgt", wei(row.getString("bgt_at_registration"), "bgt_at_registration"))
                                .bind("registered", registered)
                                .bind("notified", notifiedAt)
                                .bind("active", flag(row.getInt("active")))
                                .execute();
                        return true;
                    });
        }

        void preferences() {
            copy("notification_preferences", "notification_preference", "SELECT * FROM notification_preferences ORDER BY id",
                    (row, notes) -> {
                        target.createUpdate("""
                                        INSERT INTO notification_preference (member_id, position_updates, at_risk_warnings,
                                            naib_alerts, frequency, alerts_sent_this_week, created_at, updated_at)
                                        VALUES (:member, :position, :risk, :naib, :frequency, :sent, :created, :updated)""")
                                .bind("member", member(row.getString("member_id")))
                                .bind("position", flag(row.getInt("position_updates")))
                                .bind("risk", flag(row.getInt("at_risk_warnings")))
                                .bind("naib", flag(row.getInt("naib_alerts")))
                                .bind("frequency", oneOf(row.getString("frequency"), "frequency",
                                        "1_per_week", "2_per_week", "3_per_week", "daily"))
                                .bind("sent", Math.max(0, row.getInt("alerts_sent_this_week")))
                                .bind("created", time(row.getString("created_at"), "created_at"))
                                .bind("updated", time(row.getString("updated_at"), "updated_at"))
                                .execute();
                        return true;
                    });
        }

        /** History only: an alert the predecessor never delivered is not sent now, long after the fact. */
        void alerts() {
            copy("alert_history", "alert_history", "SELECT * FROM alert_history ORDER BY id", (row, notes) -> {
                boolean delivered = flag(row.getInt("delivered")) == 1;
                String error = row.getString("delivery_error");
                if (!delivered && error == null) {
                    error = "not delivered before the import";
                }
                target.createUpdate("""
                                INSERT INTO alert_history (recipient_id, recipient_type, alert_type, alert_data, delivered,
                                    delivery_error, sent_at)
                                VALUES (:recipient, :type, :alert, :data, :delivered, :error, :at)""")
                        .bind("recipient", text(row.getString("recipient_id"), "recipient_id"))
                        .bind("type", oneOf(row.getString("recipient_type"), "recipient_type", "member", "waitlist"))
                        .bind("alert", oneOf(row.getString("alert_type"), "alert_type", "position_update",
                                "at_risk_warning", "naib_threat", "naib_bump", "naib_seated", "waitlist_eligible"))
                        .bind("data", text(row.getString("alert_data"), "alert_data"))
                        .bind("delivered", delivered ? 1 : 0)
                        .bind("error", error)
                        .bind("at", time(row.getString("sent_at"), "sent_at"))
                        .execute();
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

    /** A row the database refuses (a constraint), as opposed to the database failing. */
    private static boolean constraintViolation(UnableToExecuteStatementException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                // PostgreSQL: class 23, integrity constraint violation; SQLite: SQLITE_CONSTRAINT (19)
                return (state != null && state.startsWith("23")) || (sql.getErrorCode() & 0xff) == 19;
            }
        }
        return false;
    }

    static String address(@Nullable String text) throws Rejected {
        String address = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (!ADDRESS.matcher(address).matches()) {
            throw new Rejected("'" + text + "' is not a wallet address");
        }
        return address;
    }

    static String snowflake(@Nullable String text, String column) throws Rejected {
        if (text == null || !DIGITS.matcher(text).matches() || text.length() > 20) {
            throw new Rejected(column + " '" + text + "' is not a Discord id");
        }
        return text;
    }

    private static String text(@Nullable String text, String column) throws Rejected {
        if (text == null) {
            throw new Rejected(column + " is empty");
        }
        return text;
    }

    private static String oneOf(@Nullable String value, String column, String... allowed) throws Rejected {
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return candidate;
            }
        }
        throw new Rejected(column + " '" + value + "' is not one of " + String.join(", ", allowed));
    }

    private static int flag(int value) {
        return value == 0 ? 0 : 1;
    }

    private static int positive(int value, String column) throws Rejected {
        if (value < 1) {
            throw new Rejected(column + " " + value + " is not positive");
        }
        return value;
    }

    private static double nonNegative(double value, String column) throws Rejected {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new Rejected(column + " " + value + " is not a balance");
        }
        return value;
    }

    /**
     * A wei amount as the fixed-width digits this store keeps: the predecessor wrote decimal
     * strings (sometimes from {@code BigInt}, sometimes with leading zeros); anything else is refused.
     */
    static String wei(@Nullable String text, String column) throws Rejected {
        String digits = text == null ? "" : text.strip();
        if (!DIGITS.matcher(digits).matches()) {
            throw new Rejected(column + " '" + text + "' is not a wei amount");
        }
        BigInteger amount = new BigInteger(digits);
        String plain = amount.toString();
        if (plain.length() > WEI_WIDTH) {
            throw new Rejected(column + " '" + text + "' is too large");
        }
        return "0".repeat(WEI_WIDTH - plain.length()) + plain;
    }

    private static @Nullable String weiOrNull(@Nullable String text, String column) throws Rejected {
        return text == null ? null : wei(text, column);
    }

    /**
     * A predecessor time as this store writes times. Its column defaults wrote SQLite's
     * {@code YYYY-MM-DD HH:MM:SS} (UTC, no zone) while its code wrote ISO 8601 with {@code Z} into
     * some of the same columns; both are read, and a time without a zone is UTC.
     */
    static String time(@Nullable String text, String column) throws Rejected {
        if (text == null || text.isBlank()) {
            throw new Rejected(column + " is empty");
        }
        return Timestamps.format(instant(text.strip(), column));
    }

    private static @Nullable String timeOrNull(@Nullable String text, String column) throws Rejected {
        return text == null || text.isBlank() ? null : time(text, column);
    }

    static Instant instant(String text, String column) throws Rejected {
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            if (iso.length() == 10) {
                return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (iso.endsWith("Z") || iso.endsWith("z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(iso.endsWith("z") ? iso.substring(0, iso.length() - 1) + 'Z'
                        : iso.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant();
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new Rejected(column + " '" + text + "' is not a time");
        }
    }
}
