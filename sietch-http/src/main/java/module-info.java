import org.jspecify.annotations.NullMarked;

/**
 * Sietch's HTTP API on Undertow. The façade ({@link dev.sietch.http.HttpApi},
 * {@link dev.sietch.http.HttpSettings}) shows no Undertow or Jackson type; response bodies live in
 * {@code internal.json}, which is opened (not exported) to Jackson for serialisation.
 */
@NullMarked
module dev.sietch.http {
    requires transitive dev.sietch.core;
    requires static org.jspecify;
    requires org.slf4j;
    requires undertow.core; // Undertow ships no module name; this is the one derived from its jar
    requires xnio.api; // likewise (for the socket read timeout)
    requires com.fasterxml.jackson.databind;
    requires transitive micrometer.core;
    requires java.desktop; // PNG avatars, pictures (ImageIO, Java 2D; headless)
    requires java.net.http; // fetching members' pictures
    requires webp.imageio; // no module name of its own; this is the one derived from its jar

    exports dev.sietch.http;

    opens dev.sietch.http.internal.json to com.fasterxml.jackson.databind;
}
