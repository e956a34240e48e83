import org.jspecify.annotations.NullMarked;

/**
 * Sietch's chain indexer: reads BGT claim and burn events from Berachain JSON-RPC endpoints through
 * web3j. web3j is consumed as one merged automatic module, {@code org.web3j} (see the
 * sietch-web3j-bundle build module), because its published jars split packages.
 */
@NullMarked
module dev.sietch.chain {
    requires transitive dev.sietch.core;
    requires static org.jspecify;
    requires org.slf4j;
    requires org.web3j;
    requires java.net.http; // the JSON-RPC transport under web3j (not okhttp)
    requires transitive micrometer.core; // ChainIndexer.connect takes the registry for its metrics

    exports dev.sietch.chain;
}
