package dev.sietch.core.archfixture;

/** Violates: core depends on no framework (JDBC); java.sql stays in store. */
public final class CoreUsesJdbc {
    public java.sql.Connection connection() {
        return null;
    }
}
