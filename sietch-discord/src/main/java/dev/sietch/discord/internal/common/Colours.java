package dev.sietch.discord.internal.common;

/** The embed colours of the bot's own messages (announcements, alerts, confirmations). */
public final class Colours {

    public static final int RED = 0xE74C3C;
    public static final int PURPLE = 0x9B59B6;
    public static final int GOLD = 0xF5A623;
    public static final int GREEN = 0x2ECC71;

    private Colours() {}
}
