package dev.sietch.http.internal.route;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sietch.core.model.AdminOverride;
import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.port.AdminOverrides;
import dev.sietch.core.port.AuditLog;
import dev.sietch.core.port.SyncHealthSource;
import dev.sietch.http.internal.Call;
import dev.sietch.http.internal.HttpError;
import dev.sietch.http.internal.Query;
import dev.sietch.http.internal.Route;
import dev.sietch.http.internal.json.AdminBodies;
import dev.sietch.http.internal.json.Json;
import dev.sietch.http.internal.json.MessageBody;
import dev.sietch.http.internal.json.Wire;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Overrides, the audit log and sync health for administrators ({@code X-API-Key}, checked before
 * routing). The administrator's name from the key is recorded as {@code created_by} and in audit rows.
 */
public final class AdminRoutes {

    private final AdminOverrides overrides;
    private final AuditLog auditLog;
    private final SyncHealthSource syncHealth;
    private final Duration gracePeriod;

    public AdminRoutes(AdminOverrides overrides, AuditLog auditLog, SyncHealthSource syncHealth, Duration gracePeriod) {
        this.overrides = overrides;
        this.auditLog = auditLog;
        this.syncHealth = syncHealth;
        this.gracePeriod = gracePeriod;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/admin/override", Route.Access.ADMIN,
                        "Create an override: add or remove a wallet from the next sync's ranking",
                        AdminBodies.OverrideCreated.class, this::createOverride).created(),
                Route.get("/admin/overrides", Route.Access.ADMIN, "Overrides in force", AdminBodies.Overrides.class,
                        this::listOverrides),
                Route.delete("/admin/override/{id}", Route.Access.ADMIN, "Deactivate an override", MessageBody.class,
                        this::deactivateOverride),
                Route.get("/admin/audit-log", Route.Access.ADMIN, "Audit log, newest first", AdminBodies.AuditLogPage.class,
                        this::auditLog).withQuery("limit", "event_type", "since"),
                Route.get("/admin/health", Route.Access.ADMIN, "Chain sync health in detail",
                        AdminBodies.SyncHealthDetail.class, this::health));
    }

    private void createOverride(Call call) {
        ObjectNode body = call.body();
        var query = new Query();
        String address = query.requiredString(body.get("address"));
        if (address != null && !EligibilityRoutes.ADDRESS.matcher(address).matches()) {
            query.issue("Invalid Ethereum address");
        }
        String action = query.requiredString(body.get("action"));
        if (action != null && !action.equals("add") && !action.equals("remove")) {
            query.issue("Invalid enum value. Expected 'add' | 'remove', received '" + Query.printable(action) + "'");
        }
        String reason = query.requiredString(body.get("reason"));
        if (reason != null && reason.isEmpty()) {
            query.issue("Reason is required");
        } else if (reason != null && reason.length() > 500) {
            query.issue("Reason too long");
        }
        Optional<Instant> expiresAt = query.datetime(query.optionalString(body.get("expires_at")));
        query.check();
        AdminOverride created = overrides.create(new AdminOverrides.NewOverride(WalletAddress.of(address),
                AdminOverride.Action.valueOf(action.toUpperCase(Locale.ROOT)), reason, call.admin(), expiresAt),
                call.now());
        call.send(201, new AdminBodies.OverrideCreated(created.id(), "Override created: " + action + " " + address));
    }

    private void listOverrides(Call call) {
        Instant now = call.now();
        List<AdminOverride> inForce = overrides.active().stream().filter(o -> o.appliesAt(now))
                .sorted(java.util.Comparator.comparingLong(AdminOverride::id)).toList();
        call.ok(new AdminBodies.Overrides(inForce.stream().map(o -> new AdminBodies.OverrideEntry(
                o.id(),
                o.wallet().value(),
                o.action().name().toLowerCase(Locale.ROOT),
                o.reason(),
                o.createdBy(),
                Wire.timestamp(o.createdAt()),
                Wire.timestamp(o.expiresAt()))).toList()));
    }

    private void deactivateOverride(Call call) {
        BigInteger id = Query.leadingInteger(call.parameter("id"))
                .orElseThrow(() -> HttpError.badRequest("Invalid override ID"));
        if (id.signum() <= 0 || id.bitLength() > 63) {
            throw HttpError.notFound("Override not found");
        }
        if (overrides.deactivate(id.longValueExact(), call.admin(), call.now()) == AdminOverrides.Deactivation.NOT_FOUND) {
            throw HttpError.notFound("Override not found");
        }
        call.ok(new MessageBody("Override deactivated"));
    }

    private void auditLog(Call call) {
        var query = new Query();
        int limit = query.integer(call.query("limit"), 1, 1000, 100);
        Optional<String> type = query.oneOf(call.query("event_type"), AuditEntry.TYPES);
        Optional<Instant> since = query.datetime(call.query("since"));
        query.check();
        call.ok(new AdminBodies.AuditLogPage(auditLog.recent(limit, type, since).stream()
                .map(row -> new AdminBodies.AuditRow(
                        row.id(),
                        row.type(),
                        Json.tree(row.dataJson()),
                        Wire.timestamp(row.createdAt()))).toList()));
    }

    private void health(Call call) {
        SyncHealth health = syncHealth.current();
        call.ok(new AdminBodies.SyncHealthDetail(
                Wire.timestamp(health.lastSuccessfulSync()),
                Wire.timestamp(health.lastAttempt()),
                health.consecutiveFailures(),
                health.inGracePeriod(),
                gracePeriod.toHours()));
    }
}
