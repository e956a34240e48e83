package dev.sietch.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.DrunkenBishop;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.ProfilePicture;
import dev.sietch.core.model.Role;
import dev.sietch.http.fake.PictureServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Generated avatars over HTTP: the SVG of the core's walk, and a PNG Discord embeds can show. */
final class AvatarRoutesTest {

    @RegisterExtension
    final TestApi api = new TestApi();

    @Test
    void servesTheWalkAsSvgAndPng_forMembersOnly() throws Exception {
        var naib = api.member(1, "Alia", true);
        String id = naib.memberId().value();

        var svg = api.get("/api/avatars/" + id + ".svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).contains("image/svg+xml");
        assertThat(svg.body()).isEqualTo(DrunkenBishop.of(new MemberId(id)).svg(naib.tier(), 256));

        var png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port()
                + "/api/avatars/" + id.toUpperCase(Locale.ROOT) + ".PNG")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
        var image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getHeight()).isEqualTo(256);
        // the most visited cell is drawn in the palette's peak colour, fully opaque
        var walk = DrunkenBishop.of(new MemberId(id));
        int peakX = -1;
        int peakY = -1;
        for (int y = 0; y < DrunkenBishop.HEIGHT && peakX < 0; y++) {
            for (int x = 0; x < DrunkenBishop.WIDTH; x++) {
                if (walk.at(x, y) == walk.max()) {
                    peakX = x;
                    peakY = y;
                    break;
                }
            }
        }
        String peak = DrunkenBishop.Palette.of(naib.tier()).peak();
        int rgb = image.getRGB((int) ((peakX + 0.5) * 256 / 17), (int) ((peakY + 0.5) * 256 / 9)) & 0xFFFFFF;
        assertThat(String.format("#%06x", rgb)).isEqualTo(peak);
        assertThat(naib.tier()).isIn(Role.NAIB, Role.FEDAYKIN);

        assertThat(api.get("/api/avatars/00000000-0000-4000-8000-000000000000.png").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/avatars/" + id + ".gif").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/avatars/not-a-uuid.svg").statusCode()).isEqualTo(400);
    }

    @Test
    void servesAMembersOwnPicture_fromTheStore_andDropsItForAGeneratedOne() throws Exception {
        var member = api.member(9, "Stilgar", true);
        String id = member.memberId().value();
        String path = "/api/pictures/" + id + ".webp";
        assertThat(api.get(path).statusCode()).isEqualTo(404);

        byte[] webp = PictureServer.webp(PictureServer.thirds(256, 256));
        api.store.members().setCustomPicture(new MemberId(id), new ProfilePicture(webp, 256), "https://sietch.example" + path + "?v=1",
                api.clock.instant());
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port()
                + path + "?v=1")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/webp");
        assertThat(response.body()).isEqualTo(webp);
        assertThat(api.store.members().byId(new MemberId(id)).orElseThrow().pfpType()).isEqualTo(PictureSource.CUSTOM);

        api.store.members().setPicture(new MemberId(id), PictureSource.GENERATED, java.util.Optional.of("https://sietch.example/api/avatars/" + id + ".png"),
                api.clock.instant());
        assertThat(api.get(path).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/pictures/" + id + ".png").statusCode()).isEqualTo(404);
    }
}
