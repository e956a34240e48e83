package dev.sietch.app.config;

import dev.sietch.core.model.Activity;
import dev.sietch.http.PictureSettings;

/** {@code sietch.social}: activity points and decay, the launch date, nyms, bios and members' own pictures. */
final class SocialSection {

    private static final String S = "sietch.social.";
    private static final String P = S + "pictures.";

    private SocialSection() {}

    static SietchSettings.Social read(ConfigReader reader) {
        var activity = new Activity.Settings(
                reader.intBetween(S + "activity.points.message", 0, 1000),
                reader.intBetween(S + "activity.points.reaction-given", 0, 1000),
                reader.intBetween(S + "activity.points.reaction-received", 0, 1000),
                reader.duration(S + "activity.message-cooldown"),
                reader.duration(S + "activity.reaction-cooldown"),
                reader.fraction(S + "activity.decay-rate"),
                reader.positiveDuration(S + "activity.decay-period"));
        var pictures = reader.build(S + "pictures", () -> pictures(reader));
        return new SietchSettings.Social(activity, reader.instant(S + "launch-date"),
                reader.positiveDuration(S + "nym-change-cooldown"), reader.intBetween(S + "max-bio-length", 1, 1000),
                pictures);
    }

    private static PictureSettings pictures(ConfigReader reader) {
        return new PictureSettings(reader.stringList(P + "allowed-hosts"),
                reader.intBetween(P + "max-download-kb", 1, 102_400) * 1024L, reader.positiveDuration(P + "timeout"),
                reader.intBetween(P + "max-redirects", 0, 10), reader.longAtLeast(P + "max-pixels", 1),
                reader.intBetween(P + "size", 64, 512), reader.intBetween(P + "webp-quality", 1, 100),
                reader.intBetween(P + "max-size-kb", 1, 2048) * 1024);
    }
}
