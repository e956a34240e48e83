import org.jspecify.annotations.NullMarked;

/**
 * Sietch's Discord bot on JDA. It can start its own JDA session from a token, or attach to a JDA
 * instance a host bot already runs, which is why JDA types may appear in the façade.
 */
@NullMarked
module dev.sietch.discord {
    requires transitive dev.sietch.core;
    requires static org.jspecify;
    requires org.slf4j;
    requires net.dv8tion.jda;
    requires transitive micrometer.core; // SietchBot.connect and attach take the registry for the interaction metrics
    requires static java.desktop; // JDA's EmbedBuilder.setColor overloads name java.awt.Color

    exports dev.sietch.discord;
}
