package dev.sietch.http.archfixture;

/** Violates: internals stay inside their module. */
public final class HttpUsesStoreInternal {
    public String engine(dev.sietch.store.internal.Database database) {
        return database.engineVersion();
    }
}
