package dev.sietch.http.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** {@code GET /health}: field names and types as existing monitors read them. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HealthBody(
        @JsonProperty("status") String status,
        @JsonProperty("last_successful_query") @Nullable String lastSuccessfulQuery,
        @JsonProperty("next_query") String nextQuery,
        @JsonProperty("grace_period") boolean gracePeriod) {}
