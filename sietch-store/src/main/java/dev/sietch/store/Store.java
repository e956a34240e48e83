package dev.sietch.store;

import dev.sietch.core.model.Ranking;
import dev.sietch.core.port.AdminOverrides;
import dev.sietch.core.port.AuditLog;
import dev.sietch.core.port.MemberBadges;
import dev.sietch.core.port.Members;
import dev.sietch.core.port.NaibSeats;
import dev.sietch.core.port.Notifications;
import dev.sietch.core.port.ThresholdHistory;
import dev.sietch.core.port.Waitlist;
import dev.sietch.core.port.WalletLinks;
import dev.sietch.core.port.WalletVerifications;
import dev.sietch.core.port.EligibilityStore;
import dev.sietch.core.port.EventLedger;
import dev.sietch.core.port.ActivityLedger;
import dev.sietch.core.port.BotState;
import dev.sietch.core.port.OnboardingSessions;
import dev.sietch.core.port.Outbox;
import dev.sietch.core.port.RankingReader;
import dev.sietch.core.port.SyncHealthSource;
import dev.sietch.store.internal.SqliteAdminOverrides;
import dev.sietch.store.internal.SqliteAuditLog;
import dev.sietch.store.internal.Database;
import dev.sietch.store.internal.SqliteEligibilityStore;
import dev.sietch.store.internal.SqliteEventLedger;
import dev.sietch.store.internal.SqliteMaintenance;
import dev.sietch.store.internal.SqliteActivity;
import dev.sietch.store.internal.SqliteOnboarding;
import dev.sietch.store.internal.SqliteOutbox;
import dev.sietch.store.internal.legacy.LegacyImporter;
import dev.sietch.store.internal.badges.SqliteMemberBadges;
import dev.sietch.store.internal.members.SqliteMembers;
import dev.sietch.store.internal.naib.SqliteNaibSeats;
import dev.sietch.store.internal.notifications.SqliteNotifications;
import dev.sietch.store.internal.thresholds.SqliteThresholdHistory;
import dev.sietch.store.internal.waitlist.SqliteWaitlist;
import dev.sietch.store.internal.wallets.SqliteWalletLinks;
import dev.sietch.store.internal.wallets.SqliteWalletVerifications;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sietch's store, on an SQLite file ({@link #sqlite}) or on a PostgreSQL database shared by several
 * instances ({@link #postgres}): opening it applies every pending migration before anything else
 * touches the database. It hands out the core ports; what only an SQLite file can do (its path, an
 * online backup) is on {@link SqliteStore}.
 */
public sealed class Store implements AutoCloseable permits SqliteStore {

    private final Database database;
    private final SqliteEligibilityStore eligibility;
    private final SqliteEventLedger ledger;
    private final SqliteOutbox outbox;
    private final SqliteActivity activity;
    private final SqliteOnboarding onboarding;
    private final SqliteAdminOverrides overrides;
    private final SqliteMaintenance maintenance;
    private final SqliteAuditLog auditLog;
    private final SqliteMembers members;
    private final SqliteWalletLinks walletLinks;
    private final SqliteWalletVerifications walletVerifications;
    private final SqliteMemberBadges memberBadges;
    private final SqliteNaibSeats naibSeats;
    private final SqliteWaitlist waitlist;
    private final SqliteThresholdHistory thresholdHistory;
    private final SqliteNotifications notifications;

    Store(Database database, Clock clock) {
        this.database = database;
        this.eligibility = new SqliteEligibilityStore(database);
        this.ledger = new SqliteEventLedger(database, clock);
        this.outbox = new SqliteOutbox(database);
        this.activity = new SqliteActivity(database);
        this.onboarding = new SqliteOnboarding(database);
        this.overrides = new SqliteAdminOverrides(database);
        this.maintenance = new SqliteMaintenance(database);
        this.auditLog = new SqliteAuditLog(database);
        this.members = new SqliteMembers(database);
        this.walletLinks = new SqliteWalletLinks(database);
        this.walletVerifications = new SqliteWalletVerifications(database);
        this.memberBadges = new SqliteMemberBadges(database);
        this.naibSeats = new SqliteNaibSeats(database);
        this.waitlist = new SqliteWaitlist(database);
        this.thresholdHistory = new SqliteThresholdHistory(database);
        this.notifications = new SqliteNotifications(database);
    }

    /**
     * Opens (creating it and its directories if absent) and migrates the SQLite database.
     *
     * @throws StoreException if the file cannot be created, opened or migrated
     */
    public static SqliteStore sqlite(StoreSettings settings) {
        return sqlite(settings, Clock.systemUTC());
    }

    public static SqliteStore sqlite(StoreSettings settings, Clock clock) {
        return new SqliteStore(Database.open(settings), clock);
    }

    /**
     * The store on a PostgreSQL database shared by several instances (open and migrated by
     * {@link PostgresDatabase#open}; closing the store leaves it open). Backups there are the
     * database's own ({@code pg_dump}).
     */
    public static Store postgres(PostgresDatabase database, Clock clock) {
        return new Store(database.database(), clock);
    }

    /** The state of chain synchronisation, as recorded by the sync. */
    public SyncHealthSource syncHealth() {
        return eligibility;
    }

    /** The indexed events and the indexer's cursor. */
    public EventLedger eventLedger() {
        return ledger;
    }

    /** What the eligibility sync reads and writes. */
    public EligibilityStore eligibility() {
        return eligibility;
    }

    /** The current ranking, for the API and the bot. */
    public RankingReader rankings() {
        return eligibility;
    }

    public AdminOverrides overrides() {
        return overrides;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public Members members() {
        return members;
    }

    public WalletLinks walletLinks() {
        return walletLinks;
    }

    public MemberBadges memberBadges() {
        return memberBadges;
    }

    public NaibSeats naibSeats() {
        return naibSeats;
    }

    public Waitlist waitlist() {
        return waitlist;
    }

    public ThresholdHistory thresholdHistory() {
        return thresholdHistory;
    }

    public Notifications notifications() {
        return notifications;
    }

    public Outbox outbox() {
        return outbox;
    }

    public WalletVerifications walletVerifications() {
        return walletVerifications;
    }

    public OnboardingSessions onboarding() {
        return onboarding;
    }

    public ActivityLedger activity() {
        return activity;
    }

    public BotState botState() {
        return outbox;
    }

    /** The ranking a sync recorded, from its snapshot, if the snapshot is still kept. */
    public Optional<Ranking> snapshot(long syncId) {
        return maintenance.snapshot(syncId);
    }

    /**
     * Deletes ranking snapshots taken before {@code cutoff} (the sync rows themselves stay).
     *
     * @return how many were deleted
     */
    public int pruneSnapshots(Instant cutoff) {
        return maintenance.pruneSnapshots(cutoff);
    }

    /** Records a backup written by {@code sietch backup}, after its snapshot was checked. */
    public void recordBackup(BackupRecord backup) {
        maintenance.recordBackup(backup);
    }

    /** The newest backup recorded, if any. */
    public Optional<BackupRecord> lastBackup() {
        return maintenance.lastBackup();
    }

    /**
     * Imports a database of sietch-service (TypeScript) into this one, which must not hold community
     * data yet, in one transaction (see {@link LegacyImport}).
     *
     * @throws IllegalArgumentException if {@code legacy} is missing or not a sietch-service database
     * @throws IllegalStateException if this database already holds community data
     * @throws StoreException if either database cannot be read or written
     */
    public LegacyImport.Report importLegacy(Path legacy, LegacyImport.Options options, Instant now) {
        return new LegacyImporter(database).importFrom(legacy, options, now);
    }

    /** Versions of the migrations applied to this database, oldest first. */
    public List<String> appliedMigrations() {
        return database.appliedMigrations();
    }

    /** The database engine's version: SQLite's library (e.g. {@code 3.51.1}) or the PostgreSQL server's. */
    public String engineVersion() {
        return database.engineVersion();
    }

    @Override
    public void close() {
        eligibility.close();
        database.close();
    }
}
