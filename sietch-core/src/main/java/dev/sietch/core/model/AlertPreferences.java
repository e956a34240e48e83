package dev.sietch.core.model;

import java.util.Objects;

/** Which alerts a member wants, and how many a week. */
public record AlertPreferences(boolean positionUpdates, boolean atRiskWarnings, boolean naibAlerts,
        AlertFrequency frequency) {

    /** Everything on, {@link AlertFrequency#DEFAULT}: what a member has before choosing. */
    public static final AlertPreferences DEFAULT = new AlertPreferences(true, true, true, AlertFrequency.DEFAULT);

    public AlertPreferences {
        Objects.requireNonNull(frequency, "frequency");
    }
}
