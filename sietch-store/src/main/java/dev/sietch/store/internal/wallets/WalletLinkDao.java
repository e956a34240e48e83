package dev.sietch.store.internal.wallets;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** wallet_link: one wallet per account and one account per wallet. */
@RegisterConstructorMapper(WalletLinkDao.LinkRow.class)
interface WalletLinkDao {

    record LinkRow(String discordUserId, String wallet) {}

    /** Links {@code wallet} to the account, ending any link either of them had. */
    default int link(String discordUserId, String wallet, String at) {
        unlink(discordUserId, wallet);
        return insert(discordUserId, wallet, at);
    }

    @SqlUpdate("DELETE FROM wallet_link WHERE discord_user_id = :id OR wallet = :wallet")
    int unlink(@Bind("id") String discordUserId, @Bind("wallet") String wallet);

    @SqlUpdate("INSERT INTO wallet_link (discord_user_id, wallet, linked_at) VALUES (:id, :wallet, :at)")
    int insert(@Bind("id") String discordUserId, @Bind("wallet") String wallet, @Bind("at") String at);

    @SqlQuery("SELECT wallet FROM wallet_link WHERE discord_user_id = :id")
    Optional<String> walletOf(@Bind("id") String discordUserId);

    @SqlQuery("SELECT linked_at FROM wallet_link WHERE discord_user_id = :id")
    Optional<String> linkedAt(@Bind("id") String discordUserId);

    @SqlQuery("SELECT discord_user_id, wallet FROM wallet_link ORDER BY discord_user_id")
    List<LinkRow> all();
}
