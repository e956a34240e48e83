package dev.sietch.http.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Bodies of the probe routes the pipeline tests serve (in the package opened to Jackson). */
public final class ProbeBodies {

    private ProbeBodies() {}

    public record Ok(@JsonProperty("ok") boolean ok) {}

    public record Status(@JsonProperty("status") String status) {}

    public record Member(@JsonProperty("member") String member) {}

    public record Admin(@JsonProperty("admin") String admin) {}

    public record Fast(@JsonProperty("fast") boolean fast) {}

    public record Slow(@JsonProperty("slow") boolean slow) {}
}
