package dev.sietch.http.internal.route;

import dev.sietch.core.model.DrunkenBishop;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.ProfilePicture;
import dev.sietch.core.port.Members;
import dev.sietch.http.internal.Call;
import dev.sietch.http.internal.HttpError;
import dev.sietch.http.internal.Route;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Generated avatars (the drunken-bishop walk of the member id, in the tier's palette): SVG for the
 * web and PNG for Discord embeds, which show neither SVG nor {@code data:} URLs. Only for
 * existing members; the picture depends on nothing private. And members' own
 * pictures, served from the store, so no third-party URL (which could name a Discord account) is
 * ever handed out.
 */
public final class AvatarRoutes {

    static final int SIZE = 256;

    private final Members members;

    public AvatarRoutes(Members members) {
        this.members = members;
    }

    public List<Route> routes() {
        return List.of(Route.get("/api/avatars/{file}", Route.Access.PUBLIC,
                        "A member's generated avatar: {memberId}.svg or {memberId}.png",
                        Route.Reply.media("image/svg+xml", "image/png"), this::avatar),
                Route.get("/api/pictures/{file}", Route.Access.PUBLIC,
                        "A member's own picture, re-hosted: {memberId}.webp", Route.Reply.media(ProfilePicture.MEDIA_TYPE),
                        this::picture));
    }

    private void picture(Call call) {
        String file = call.parameter("file");
        if (!file.toLowerCase(java.util.Locale.ROOT).endsWith(".webp")) {
            throw HttpError.notFound("Picture not found");
        }
        MemberId memberId = Community.memberId(file.substring(0, file.length() - ".webp".length()));
        ProfilePicture picture = members.customPicture(memberId).orElseThrow(() -> HttpError.notFound("Picture not found"));
        call.responseHeader("Cache-Control", "public, max-age=86400");
        call.responseHeader("Content-Security-Policy", "default-src 'none'");
        call.sendBytes(200, ProfilePicture.MEDIA_TYPE, picture.webp());
    }

    private void avatar(Call call) {
        String file = call.parameter("file");
        int dot = file.lastIndexOf('.');
        String format = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        if (!format.equals("svg") && !format.equals("png")) {
            throw HttpError.notFound("Avatar not found");
        }
        MemberId memberId = Community.memberId(file.substring(0, dot));
        MemberProfile member = members.byId(memberId).orElseThrow(() -> HttpError.notFound("Member not found"));
        DrunkenBishop walk = DrunkenBishop.of(member.memberId());
        call.responseHeader("Cache-Control", "public, max-age=86400");
        if (format.equals("svg")) {
            call.responseHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            call.sendText(200, "image/svg+xml", walk.svg(member.tier(), SIZE));
        } else {
            call.sendBytes(200, "image/png", png(walk, member.tier(), SIZE));
        }
    }

    /** The same picture as the SVG, drawn with Java 2D. */
    static byte[] png(DrunkenBishop walk, dev.sietch.core.model.Role tier, int size) {
        var palette = DrunkenBishop.Palette.of(tier);
        var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(Color.decode(palette.background()));
            g.fillRect(0, 0, size, size);
            double w = (double) size / DrunkenBishop.WIDTH;
            double h = (double) size / DrunkenBishop.HEIGHT;
            for (int y = 0; y < DrunkenBishop.HEIGHT; y++) {
                for (int x = 0; x < DrunkenBishop.WIDTH; x++) {
                    int visits = walk.at(x, y);
                    if (visits == 0) {
                        continue;
                    }
                    double n = (double) visits / walk.max();
                    Color c = Color.decode(palette.colour(n));
                    g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round((0.6 + 0.4 * n) * 255)));
                    g.fill(new Rectangle2D.Double(x * w, y * h, w, h));
                }
            }
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
