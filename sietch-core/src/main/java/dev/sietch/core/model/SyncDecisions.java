package dev.sietch.core.model;

import java.util.List;

/**
 * What a sync writes after the ranking, as its rules decided it: the seat changes (in order), their
 * audit rows, and the alerts to queue (in order; one answering a waitlist registration is linked to it).
 */
public record SyncDecisions(List<NaibCouncil.Change> seatChanges, List<AuditEntry> audit, List<QueuedAlert> alerts) {

    public static final SyncDecisions NONE = new SyncDecisions(List.of(), List.of(), List.of());

    public SyncDecisions {
        seatChanges = List.copyOf(seatChanges);
        audit = List.copyOf(audit);
        alerts = List.copyOf(alerts);
    }
}
