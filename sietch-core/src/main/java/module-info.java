import org.jspecify.annotations.NullMarked;

/**
 * Sietch's domain: value types, rules, use cases and the ports the adapters implement.
 *
 * <p>Depends on no framework (no JDBC, Jdbi, web3j, JDA, Undertow, Jackson, Micrometer or
 * Typesafe Config); the build's architecture tests hold it to that.
 *
 * <p>{@code model} and {@code port} are open to everyone: an embedding bot speaks the domain's
 * types, and the adapters' façades hand out ports (a store's {@code SyncHealthSource}, given to
 * the HTTP API), so a host must be able to name them. {@code usecase} is exported only to the
 * Sietch modules that run use cases.
 */
@NullMarked
module dev.sietch.core {
    requires static org.jspecify;
    requires org.slf4j;

    exports dev.sietch.core.model;
    exports dev.sietch.core.usecase to
            dev.sietch.http,
            dev.sietch.discord,
            dev.sietch.app;
    exports dev.sietch.core.port;
}
