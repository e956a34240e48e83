package dev.sietch.http.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The entry threshold, its history and the waitlist; BGT amounts are exact decimals. */
public final class ThresholdBodies {

    private ThresholdBodies() {}

    /** {@code GET /api/threshold}. */
    public record Threshold(
            @JsonProperty("entry_threshold") BigDecimal entryThreshold,
            @JsonProperty("eligible_count") int eligibleCount,
            @JsonProperty("waitlist_count") int waitlistCount,
            @JsonProperty("gap_to_entry") Optional<BigDecimal> gapToEntry,
            @JsonProperty("top_waitlist") List<WaitlistEntry> topWaitlist,
            @JsonProperty("updated_at") String updatedAt) {}

    /** @param addressDisplay the wallet, truncated ({@code 0x1234...5678}) */
    public record WaitlistEntry(
            @JsonProperty("position") int position,
            @JsonProperty("address_display") String addressDisplay,
            @JsonProperty("bgt") BigDecimal bgt,
            @JsonProperty("distance_to_entry") Optional<BigDecimal> distanceToEntry,
            @JsonProperty("is_registered") boolean registered) {}

    /** {@code GET /api/threshold/history}: newest first. */
    public record ThresholdHistory(
            @JsonProperty("snapshots") List<Snapshot> snapshots,
            @JsonProperty("count") int count) {}

    public record Snapshot(
            @JsonProperty("id") long id,
            @JsonProperty("entry_threshold") BigDecimal entryThreshold,
            @JsonProperty("eligible_count") int eligibleCount,
            @JsonProperty("waitlist_count") int waitlistCount,
            @JsonProperty("created_at") String createdAt) {}

    /** {@code GET /api/waitlist/status/{address}}. */
    public record WaitlistStatus(
            @JsonProperty("address") String address,
            @JsonProperty("is_in_waitlist_range") boolean inWaitlistRange,
            @JsonProperty("position") Optional<Integer> position,
            @JsonProperty("bgt") Optional<BigDecimal> bgt,
            @JsonProperty("distance_to_entry") Optional<BigDecimal> distanceToEntry,
            @JsonProperty("is_registered") boolean registered,
            @JsonProperty("registered_at") Optional<String> registeredAt) {}
}
