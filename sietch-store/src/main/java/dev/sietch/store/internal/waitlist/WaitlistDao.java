package dev.sietch.store.internal.waitlist;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** waitlist_registration: at most one active registration per account and per wallet. */
@RegisterConstructorMapper(WaitlistDao.RegistrationRow.class)
interface WaitlistDao {

    String REGISTRATION = """
            SELECT id, discord_user_id, wallet, position_at_registration, bgt_at_registration, registered_at, notified_at
            FROM waitlist_registration""";

    record RegistrationRow(long id, String discordUserId, String wallet, int positionAtRegistration,
            String bgtAtRegistration, String registeredAt, @Nullable String notifiedAt) {}

    @SqlQuery(REGISTRATION + " WHERE wallet = :wallet AND active = 1")
    Optional<RegistrationRow> activeFor(@Bind("wallet") String wallet);

    @SqlQuery(REGISTRATION + " WHERE discord_user_id = :id AND active = 1")
    Optional<RegistrationRow> activeForAccount(@Bind("id") String discordUserId);

    @SqlQuery(REGISTRATION + " WHERE id = :id")
    RegistrationRow find(@Bind("id") long id);

    @SqlQuery("SELECT wallet FROM waitlist_registration WHERE active = 1 AND wallet IN (<wallets>)")
    List<String> registered(@BindList("wallets") List<String> wallets);

    @SqlUpdate("""
            INSERT INTO waitlist_registration (discord_user_id, wallet, position_at_registration,
                bgt_at_registration, registered_at)
            VALUES (:discord, :wallet, :position, :held, :at)""")
    @GetGeneratedKeys("id")
    long register(@Bind("discord") String discordUserId, @Bind("wallet") String wallet, @Bind("position") int position,
            @Bind("held") String held, @Bind("at") String at);

    /** An alert queued for the account's active registration is not delivered once the registration ends. */
    @SqlUpdate("""
            UPDATE alert_history SET delivery_error = 'The registration was ended before delivery'
            WHERE delivered = 0 AND delivery_error IS NULL
              AND id IN (SELECT alert_id FROM waitlist_registration WHERE discord_user_id = :id AND active = 1)""")
    int dropUndeliveredAlert(@Bind("id") String discordUserId);

    @SqlUpdate("UPDATE waitlist_registration SET active = 0 WHERE discord_user_id = :id AND active = 1")
    int unregister(@Bind("id") String discordUserId);

    @SqlQuery("SELECT count(*) FROM waitlist_registration WHERE active = 1 AND notified_at IS NULL")
    int pendingCount();
}
