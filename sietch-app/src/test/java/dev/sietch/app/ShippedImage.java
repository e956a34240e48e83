package dev.sietch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/** The image the build made (its tarball, named by the failsafe configuration), for the image tests. */
final class ShippedImage {

    private ShippedImage() {}

    /** Unpacks the tarball into {@code root}; returns the installation's home ({@code bin/sietch} below it). */
    static Path unpack(Path root) throws Exception {
        Path tarball = Path.of(System.getProperty("sietch.image.tarball"));
        assertThat(tarball).exists();
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", root.toString()).inheritIO().start();
        assertThat(tar.waitFor()).isZero();
        return root.resolve(System.getProperty("sietch.image.name"));
    }
}
