package dev.sietch.http.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/verify/{nonce}}: the wallet is linked to the challenge's Discord account. */
public record LinkedBody(
        @JsonProperty("linked") boolean linked,
        @JsonProperty("wallet") String wallet) {}
