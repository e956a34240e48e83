package dev.sietch.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A member's generated avatar: the "drunken bishop" walk (as OpenSSH draws key fingerprints) over
 * a 17 × 9 board, seeded by the SHA-256 of the member id, so existing avatars stay
 * the same (known-answer vectors): the start cell counts 1 before the first move, each byte gives four moves
 * from its 2-bit groups, least significant first, and the walker slides along the walls.
 *
 * @param hash the SHA-256 of the member id, 64 hex digits
 * @param grid visit counts, {@code grid[y][x]}
 */
public record DrunkenBishop(String hash, int[][] grid, int max, int startX, int startY, int endX, int endY) {

    public static final int WIDTH = 17;
    public static final int HEIGHT = 9;
    private static final String SYMBOLS = " .:-=+*#%@";

    /** The walk for a member id. */
    public static DrunkenBishop of(MemberId memberId) {
        return ofHash(sha256(memberId.value()));
    }

    /** The walk for a 32-byte hash given as 64 hex digits. */
    public static DrunkenBishop ofHash(String hash) {
        byte[] bytes = HexFormat.of().parseHex(hash);
        int[][] grid = new int[HEIGHT][WIDTH];
        int x = WIDTH / 2;
        int y = HEIGHT / 2;
        grid[y][x]++;
        for (byte b : bytes) {
            for (int k = 0; k < 4; k++) {
                int move = (b >> (2 * k)) & 3;
                x = Math.clamp(x + ((move & 1) == 0 ? -1 : 1), 0, WIDTH - 1);
                y = Math.clamp(y + ((move & 2) == 0 ? -1 : 1), 0, HEIGHT - 1);
                grid[y][x]++;
            }
        }
        int max = 0;
        for (int[] row : grid) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        return new DrunkenBishop(hash.toLowerCase(Locale.ROOT), grid, max, WIDTH / 2, HEIGHT / 2, x, y);
    }

    public int at(int x, int y) {
        return grid[y][x];
    }

    /** The ASCII board: {@code S} start, {@code E} end, else a symbol by visit count relative to the most visited. */
    public String ascii() {
        var text = new StringBuilder("+").append("-".repeat(WIDTH)).append("+\n");
        for (int y = 0; y < HEIGHT; y++) {
            text.append('|');
            for (int x = 0; x < WIDTH; x++) {
                if (x == startX && y == startY) {
                    text.append('S');
                } else if (x == endX && y == endY) {
                    text.append('E');
                } else {
                    text.append(SYMBOLS.charAt(Math.min(grid[y][x] * 9 / max, 9)));
                }
            }
            text.append("|\n");
        }
        return text.append('+').append("-".repeat(WIDTH)).append('+').toString();
    }

    /** The colours of a tier's avatar: background and four intensities. */
    public record Palette(String background, String low, String mid, String high, String peak) {
        public static final Palette NAIB = new Palette("#0a0f1a", "#1a2744", "#2d4a7c", "#4a90d9", "#87ceeb");
        public static final Palette FEDAYKIN = new Palette("#1a0f0a", "#44291a", "#7c4a2d", "#d9904a", "#ffd700");

        public static Palette of(Role tier) {
            return tier == Role.NAIB ? NAIB : FEDAYKIN;
        }

        /** The colour for a visit count relative to the most visited ({@code n} in 0..1). */
        public String colour(double n) {
            return n < 0.25 ? low : n < 0.5 ? mid : n < 0.75 ? high : peak;
        }
    }

    /**
     * The SVG: a {@code size}-pixel square, each visited cell a rectangle of size/17 × size/9 in
     * the palette's colour for its intensity, with opacity 0.6 + 0.4·intensity.
     */
    public String svg(Role tier, int size) {
        Palette palette = Palette.of(tier);
        var svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(size).append("\" height=\"")
                .append(size).append("\" viewBox=\"0 0 ").append(size).append(' ').append(size).append("\">")
                .append("<rect width=\"").append(size).append("\" height=\"").append(size).append("\" fill=\"")
                .append(palette.background()).append("\"/>");
        double cellWidth = (double) size / WIDTH;
        double cellHeight = (double) size / HEIGHT;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                if (grid[y][x] == 0) {
                    continue;
                }
                double n = (double) grid[y][x] / max;
                svg.append("<rect x=\"").append(number(x * cellWidth)).append("\" y=\"").append(number(y * cellHeight))
                        .append("\" width=\"").append(number(cellWidth)).append("\" height=\"").append(number(cellHeight))
                        .append("\" fill=\"").append(palette.colour(n)).append("\" opacity=\"")
                        .append(number(0.6 + 0.4 * n)).append("\"/>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String number(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DrunkenBishop o && hash.equals(o.hash);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        return "DrunkenBishop[" + hash + "]";
    }
}
