package dev.sietch.discord.internal.roles;

import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.port.AuditLog;
import dev.sietch.core.port.Members;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the roles the bot gives and takes ({@code role_assigned}, {@code role_removed}) once
 * Discord has accepted the change. A row names the member by member id, or, for an account without
 * a profile, by its truncated wallet — never by Discord id (as the profile rows).
 */
public final class RoleAudit {

    private static final Logger log = LoggerFactory.getLogger(RoleAudit.class);

    private final AuditLog audit;
    private final Members members;
    private final Clock clock;

    public RoleAudit(AuditLog audit, Members members, Clock clock) {
        this.audit = audit;
        this.members = members;
        this.clock = clock;
    }

    /**
     * @param role the role's name in Sietch ({@code naib}, {@code onboarded}, …)
     * @param reason why, e.g. {@code ranking}, {@code qualification_met}
     */
    public CompletableFuture<Void> track(CompletableFuture<Void> change, DiscordUserId discordUserId,
            Optional<WalletAddress> wallet, String role, boolean added, String reason) {
        return change.thenRun(() -> record(discordUserId, wallet, role, added, reason));
    }

    private void record(DiscordUserId discordUserId, Optional<WalletAddress> wallet, String role, boolean added, String reason) {
        try {
            var data = new LinkedHashMap<String, Object>();
            members.byDiscordId(discordUserId).ifPresentOrElse(m -> data.put("memberId", m.memberId().value()),
                    () -> wallet.ifPresent(w -> data.put("wallet", w.truncated())));
            data.put("role", role);
            data.put("reason", reason);
            audit.append(new AuditEntry(added ? "role_assigned" : "role_removed", data), clock.instant());
        } catch (RuntimeException e) {
            log.warn("Discord: the {} role change was made but not audited: {}", role, e.toString());
        }
    }
}
