package dev.sietch.http.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The Collab.Land contract's bodies, field names and types as Collab.Land reads them. BGT
 * amounts are exact decimals (wei / 10^18, written as plain JSON numbers), never doubles.
 */
public final class EligibilityBodies {

    private EligibilityBodies() {}

    /** {@code GET /eligibility}. */
    public record MemberList(
            @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("grace_period") boolean gracePeriod,
            @JsonProperty("top_69") List<EligibleWallet> top69,
            @JsonProperty("top_7") List<String> top7) {}

    /** One ranked member of the list. */
    public record EligibleWallet(
            @JsonProperty("rank") int rank,
            @JsonProperty("address") String address,
            @JsonProperty("bgt_held") BigDecimal bgtHeld) {}

    /** {@code GET /eligibility/{address}}: what Collab.Land's token gate reads. */
    public record Standing(
            @JsonProperty("address") String address,
            @JsonProperty("eligible") boolean eligible,
            @JsonProperty("rank") Optional<Integer> rank,
            @JsonProperty("role") String role,
            @JsonProperty("bgt_held") Optional<BigDecimal> bgtHeld) {}
}
