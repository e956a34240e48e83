package dev.sietch.http.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/** The Naib council's bodies: seats and dates, never a rank or an exact amount. */
public final class NaibBodies {

    private NaibBodies() {}

    /** {@code GET /api/naib}. */
    public record Council(
            @JsonProperty("current") List<CurrentNaib> current,
            @JsonProperty("former") List<FormerNaib> former,
            @JsonProperty("empty_seats") int emptySeats,
            @JsonProperty("updated_at") String updatedAt) {}

    /** {@code GET /api/naib/current}. */
    public record CurrentCouncil(
            @JsonProperty("members") List<CurrentNaib> members,
            @JsonProperty("filled_seats") int filledSeats,
            @JsonProperty("empty_seats") int emptySeats,
            @JsonProperty("total_seats") int totalSeats) {}

    /** {@code GET /api/naib/former}. */
    public record FormerCouncil(
            @JsonProperty("members") List<FormerNaib> members,
            @JsonProperty("total") int total) {}

    /** {@code GET /api/naib/member/{memberId}}. */
    public record NaibStatus(
            @JsonProperty("member_id") String memberId,
            @JsonProperty("is_current_naib") boolean currentNaib,
            @JsonProperty("is_former_naib") boolean formerNaib,
            @JsonProperty("has_ever_been_naib") boolean everNaib,
            @JsonProperty("seat_history") List<SeatEntry> seatHistory) {}

    public record CurrentNaib(
            @JsonProperty("seat_number") int seatNumber,
            @JsonProperty("nym") String nym,
            @JsonProperty("member_id") String memberId,
            @JsonProperty("pfp_url") Optional<String> pfpUrl,
            @JsonProperty("seated_at") String seatedAt,
            @JsonProperty("is_founding") boolean founding) {}

    public record FormerNaib(
            @JsonProperty("nym") String nym,
            @JsonProperty("member_id") String memberId,
            @JsonProperty("pfp_url") Optional<String> pfpUrl,
            @JsonProperty("first_seated_at") String firstSeatedAt,
            @JsonProperty("last_unseated_at") String lastUnseatedAt,
            @JsonProperty("total_tenure_days") long totalTenureDays,
            @JsonProperty("seat_count") int seatCount) {}

    public record SeatEntry(
            @JsonProperty("seat_number") int seatNumber,
            @JsonProperty("seated_at") String seatedAt,
            @JsonProperty("unseated_at") Optional<String> unseatedAt,
            @JsonProperty("unseat_reason") Optional<String> unseatReason) {}
}
