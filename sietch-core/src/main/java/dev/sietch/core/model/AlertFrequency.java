package dev.sietch.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How many non-critical alerts a member accepts a week. */
public enum AlertFrequency {
    ONE_PER_WEEK("1_per_week", 1), TWO_PER_WEEK("2_per_week", 2), THREE_PER_WEEK("3_per_week", 3), DAILY("daily", 7);

    /** What a member has before choosing. */
    public static final AlertFrequency DEFAULT = THREE_PER_WEEK;

    private final String wireName;
    private final int perWeek;

    AlertFrequency(String wireName, int perWeek) {
        this.wireName = wireName;
        this.perWeek = perWeek;
    }

    public String wireName() {
        return wireName;
    }

    public int perWeek() {
        return perWeek;
    }

    public static Optional<AlertFrequency> of(String wireName) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(wireName)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(AlertFrequency::wireName).toList();
    }
}
