package dev.sietch.discord.archfixture;

/** Violates hygiene: standard streams and a public logger. */
public final class Noisy {
    public static org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Noisy.class);

    public void shout() {
        System.out.println("hello");
    }
}
