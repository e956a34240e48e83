package dev.sietch.store.internal.wallets;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** wallet_verification: the challenges a wallet signs, completed once and confirmed once. */
@RegisterConstructorMapper(VerificationDao.ChallengeRow.class)
@RegisterConstructorMapper(VerificationDao.CompletedRow.class)
interface VerificationDao {

    record ChallengeRow(String nonce, String discordUserId, String createdAt, String expiresAt,
            @Nullable String usedAt) {}

    record CompletedRow(String nonce, String discordUserId, String wallet, @Nullable String previousWallet) {}

    @SqlUpdate("DELETE FROM wallet_verification WHERE expires_at < :cutoff")
    int deleteExpiredBefore(@Bind("cutoff") String cutoff);

    @SqlUpdate("""
            INSERT INTO wallet_verification (nonce, discord_user_id, created_at, expires_at)
            VALUES (:nonce, :id, :created, :expires)""")
    int insert(@Bind("nonce") String nonce, @Bind("id") String discordUserId, @Bind("created") String createdAt,
            @Bind("expires") String expiresAt);

    @SqlQuery("""
            SELECT nonce, discord_user_id, created_at, expires_at, used_at FROM wallet_verification
            WHERE nonce = :nonce""")
    Optional<ChallengeRow> find(@Bind("nonce") String nonce);

    /** Marks an unused, unexpired challenge used by {@code wallet}; the account it was for, if it was one. */
    @SqlQuery("""
            UPDATE wallet_verification SET used_at = :now, wallet = :wallet
            WHERE nonce = :nonce AND used_at IS NULL AND expires_at > :now
            RETURNING discord_user_id""")
    Optional<String> use(@Bind("nonce") String nonce, @Bind("wallet") String wallet, @Bind("now") String now);

    @SqlUpdate("UPDATE wallet_verification SET previous_wallet = :previous WHERE nonce = :nonce")
    int setPreviousWallet(@Bind("nonce") String nonce, @Bind("previous") @Nullable String previousWallet);

    @SqlQuery("""
            SELECT nonce, discord_user_id, wallet, previous_wallet FROM wallet_verification
            WHERE used_at IS NOT NULL AND confirmed_at IS NULL AND used_at > :since
            ORDER BY used_at, nonce LIMIT :limit""")
    List<CompletedRow> unconfirmed(@Bind("since") String since, @Bind("limit") int limit);

    @SqlUpdate("""
            UPDATE wallet_verification SET confirmed_at = :at
            WHERE nonce = :nonce AND used_at IS NOT NULL AND confirmed_at IS NULL""")
    int claimConfirmation(@Bind("nonce") String nonce, @Bind("at") String at);
}
