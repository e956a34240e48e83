import org.jspecify.annotations.NullMarked;

/**
 * Sietch's domain: value types, rules, use cases and the ports the adapters implement.
 *
 * <p>Depends on no framework (no JDBC, Jdbi, web3j, JDA, Undertow, Jackson, Micrometer or
 * Typesafe Config); the build's architecture tests hold it to that.
 *
 * <p>{@code model} is open to everyone, so that an embedding bot can speak the domain's types.
 * {@code port} is exported only to the Sietch adapters and the composition root: the ports are
 * the seams between Sietch's own modules, not a public SPI yet.
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
    exports dev.sietch.core.port to
            dev.sietch.store,
            dev.sietch.chain,
            dev.sietch.http,
            dev.sietch.discord,
            dev.sietch.app;
}
