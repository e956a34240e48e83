package dev.sietch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.luciad.imageio.webp.WebPImageReaderSpi;
import dev.sietch.core.model.ProfilePicture;
import dev.sietch.http.fake.PictureServer;
import dev.sietch.core.port.PictureFetcher;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Members' pictures fetched from a real local HTTPS server, good files and hostile ones. */
final class PictureFetcherTest {

    @TempDir
    static Path dir;

    static PictureServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new PictureServer(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpPictureFetcher fetcher(PictureSettings settings) {
        return HttpPictureFetcher.create(settings, server.clientTls());
    }

    private static ProfilePicture fetch(String path) throws PictureFetcher.Rejected {
        try (var fetcher = fetcher(server.settings())) {
            return fetcher.fetch(server.url(path));
        }
    }

    private static String refusal(PictureSettings settings, String url) {
        try (var fetcher = fetcher(settings)) {
            fetcher.fetch(url);
        } catch (PictureFetcher.Rejected e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted " + url);
    }

    private static String refusal(String path) {
        return refusal(server.settings(), server.url(path));
    }

    static BufferedImage decode(ProfilePicture picture) throws Exception {
        var reader = new WebPImageReaderSpi().createReaderInstance(null);
        reader.setInput(new MemoryCacheImageInputStream(new ByteArrayInputStream(picture.webp())));
        return reader.read(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/photo.png", "/photo.jpg", "/photo.gif", "/photo.webp", "/redirect-same"})
    void keepsTheCentreSquare_at256_asWebP(String path) throws Exception {
        ProfilePicture picture = fetch(path);

        assertThat(picture.size()).isEqualTo(256);
        assertThat(new String(picture.webp(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(picture.webp(), 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        BufferedImage image = decode(picture);
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getHeight()).isEqualTo(256);
        // 600×400 thirds red|green|blue: the centre 400×400 square spans x 100..500, so its left
        // quarter is red, its middle green, its right quarter blue ("cover", centred)
        assertThat(dominant(image.getRGB(10, 128))).isEqualTo('R');
        assertThat(dominant(image.getRGB(128, 128))).isEqualTo('G');
        assertThat(dominant(image.getRGB(245, 128))).isEqualTo('B');
    }

    private static char dominant(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        return r > 200 && g < 60 && b < 60 ? 'R' : g > 200 && r < 60 && b < 60 ? 'G' : b > 200 && r < 60 && g < 60 ? 'B' : '?';
    }

    @Test
    void onlyHttpsToAnAllowedHost_checkedAgainOnEveryRedirect() {
        assertThat(refusal(server.settings(), "http://127.0.0.1:" + server.port() + "/photo.png")).contains("only over https");
        assertThat(refusal(server.settings(), "https://evil.example/photo.png")).contains("only over https from 127.0.0.1:");
        assertThat(refusal(server.settings(), "https://user@127.0.0.1:" + server.port() + "/photo.png")).contains("only over https");
        assertThat(refusal(server.settings(), "not a url at all")).contains("not a web address");
        // the default hosts, without subdomains and on port 443 only
        var defaults = PictureSettings.DEFAULT;
        assertThat(refusal(defaults, "https://evil.cdn.discordapp.com/a.png")).contains("only over https");
        assertThat(refusal(defaults, "https://cdn.discordapp.com:8443/a.png")).contains("only over https");
        // a listed host on another port is not the listed host
        assertThat(refusal(server.settings().withAllowedHosts(List.of("127.0.0.1")), server.url("/photo.png")))
                .contains("only over https");

        assertThat(refusal("/redirect-other")).contains("only over https");
        assertThat(refusal("/redirect-http")).contains("only over https");
        assertThat(refusal("/redirect-loop")).contains("redirects too often");
        assertThat(refusal("/missing.png")).contains("HTTP 404");
    }

    @Test
    void refusesWhatIsNotAnImage_whateverTheServerClaims() {
        assertThat(refusal("/page.html")).contains("not a JPEG, PNG, GIF or WebP image (it is text/html)");
        assertThat(refusal("/lying.png")).isEqualTo("That file is not a JPEG, PNG, GIF or WebP image.");
        assertThat(refusal("/broken.png")).isEqualTo("The file could not be read as a PNG image.");
    }

    @Test
    void refusesADecompressionBomb_fromItsHeader() {
        assertThat(refusal("/bomb.png")).isEqualTo("The image is too large: 50000×50000 pixels (the limit is 16,777,216 pixels).");
    }

    @Test
    void capsTheDownload_declaredOrNot() {
        assertThat(refusal("/huge-declared.png")).isEqualTo("The picture file is too large (the limit is 5120 KB).");
        assertThat(refusal("/huge-chunked.png")).isEqualTo("The picture file is too large (the limit is 5120 KB).");
    }

    @Test
    void cutsOffASlowDrip_atTheDeadline() {
        long started = System.nanoTime();
        assertThat(refusal(server.settings().withTimeout(Duration.ofSeconds(1)), server.url("/drip.png")))
                .isEqualTo("The picture server was too slow (the download must finish within 1 s).");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void retriesAtLowerQuality_whenOverTheSizeLimit() throws Exception {
        PictureSettings settings = server.settings();
        int atConfiguredQuality;
        try (var fetcher = fetcher(settings)) {
            atConfiguredQuality = fetcher.fetch(server.url("/noise.png")).length();
        }
        // WebP encoding is deterministic: under a limit one byte below, only a lower quality fits
        PictureSettings tighter = settings.withLimits(settings.maxDownloadBytes(), settings.maxPixels(), atConfiguredQuality - 1);
        try (var fetcher = fetcher(tighter)) {
            ProfilePicture smaller = fetcher.fetch(server.url("/noise.png"));
            assertThat(smaller.length()).isLessThan(atConfiguredQuality);
            assertThat(decode(smaller).getWidth()).isEqualTo(256);
        }
        assertThat(refusal(settings.withLimits(settings.maxDownloadBytes(), settings.maxPixels(), 200), server.url("/noise.png")))
                .startsWith("The picture is too large even after compression:").endsWith("(the limit is 0 KB).");
    }
}
