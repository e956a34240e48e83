package dev.sietch.discord.archfixture;

/** Violates: nothing depends on app. */
public final class DiscordUsesApp {
    public void start() {
        dev.sietch.app.Main.main(new String[0]);
    }
}
