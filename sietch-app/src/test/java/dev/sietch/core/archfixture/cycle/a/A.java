package dev.sietch.core.archfixture.cycle.a;

/** Violates: no package cycles inside a module (a -> b -> a). */
public final class A {
    public dev.sietch.core.archfixture.cycle.b.B b() {
        return new dev.sietch.core.archfixture.cycle.b.B();
    }
}
