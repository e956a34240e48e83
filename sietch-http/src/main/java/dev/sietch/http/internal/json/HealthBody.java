package dev.sietch.http.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/** {@code GET /health}: field names and types as existing monitors read them. */
public record HealthBody(
        @JsonProperty("status") String status,
        @JsonProperty("last_successful_query") Optional<String> lastSuccessfulQuery,
        @JsonProperty("next_query") String nextQuery,
        @JsonProperty("grace_period") boolean gracePeriod) {}
