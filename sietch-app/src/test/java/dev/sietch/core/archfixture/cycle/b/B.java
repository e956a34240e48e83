package dev.sietch.core.archfixture.cycle.b;

/** Violates: no package cycles inside a module (b -> a -> b). */
public final class B {
    public dev.sietch.core.archfixture.cycle.a.A a() {
        return new dev.sietch.core.archfixture.cycle.a.A();
    }
}
