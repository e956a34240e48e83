package dev.sietch.http.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A confirmation, or (wallet linking) the text to sign: {@code {"message": text}}. */
public record MessageBody(@JsonProperty("message") String message) {}
