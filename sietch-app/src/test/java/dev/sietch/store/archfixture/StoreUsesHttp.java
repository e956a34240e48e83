package dev.sietch.store.archfixture;

/** Violates: adapters depend only on core; only app builds adapters (and, with HttpUsesStoreInternal, a module cycle). */
public final class StoreUsesHttp {
    public Object settings() {
        return new dev.sietch.http.HttpSettings("127.0.0.1", 3000);
    }
}
