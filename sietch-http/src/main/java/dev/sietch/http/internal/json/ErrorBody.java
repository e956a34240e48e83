package dev.sietch.http.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Every error response: {@code {"error": message}}. */
public record ErrorBody(@JsonProperty("error") String error) {}
