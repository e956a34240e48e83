package dev.sietch.chain.archfixture;

/** Violates: Undertow stays in http. */
public final class ChainUsesUndertow {
    public Object builder() {
        return io.undertow.Undertow.builder();
    }
}
