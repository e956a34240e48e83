package dev.sietch.http;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How members' own pictures are fetched and processed (safely:
 * https only, the host checked again on every redirect, a byte cap that holds without
 * {@code Content-Length}, a deadline for the whole download, a pixel cap checked before decoding).
 *
 * @param allowedHosts where pictures may come from: {@code host} (port 443 only) or
 *     {@code host:port}; compared exactly, without subdomains
 * @param maxDownloadBytes the largest file downloaded
 * @param timeout the whole download, redirects included
 * @param maxRedirects redirects followed (each to an allowed host)
 * @param maxPixels the largest image (width × height) decoded
 * @param size the side of the square picture kept
 * @param quality the WebP quality, 1–100
 * @param maxBytes the largest picture kept; over it, lower qualities are tried
 */
public record PictureSettings(List<String> allowedHosts, long maxDownloadBytes, Duration timeout, int maxRedirects,
        long maxPixels, int size, int quality, int maxBytes) {

    /** Discord's CDN and Imgur. */
    public static final List<String> DEFAULT_HOSTS = List.of("cdn.discordapp.com", "media.discordapp.net", "i.imgur.com");

    public static final PictureSettings DEFAULT = new PictureSettings(DEFAULT_HOSTS, 5L * 1024 * 1024,
            Duration.ofSeconds(10), 3, 4096L * 4096, 256, 80, 500 * 1024);

    public PictureSettings {
        allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (allowedHosts.isEmpty() || allowedHosts.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("allowed picture hosts must be named");
        }
        if (maxDownloadBytes < 1 || maxPixels < 1 || maxBytes < 1 || maxRedirects < 0) {
            throw new IllegalArgumentException("picture limits must be positive");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the picture download timeout must be positive");
        }
        if (size < 16 || size > 1024) {
            throw new IllegalArgumentException("picture size must be 16..1024, was " + size);
        }
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("WebP quality must be 1..100, was " + quality);
        }
    }

    public PictureSettings withAllowedHosts(List<String> hosts) {
        return new PictureSettings(hosts, maxDownloadBytes, timeout, maxRedirects, maxPixels, size, quality, maxBytes);
    }

    public PictureSettings withTimeout(Duration value) {
        return new PictureSettings(allowedHosts, maxDownloadBytes, value, maxRedirects, maxPixels, size, quality, maxBytes);
    }

    public PictureSettings withLimits(long downloadBytes, long pixels, int keptBytes) {
        return new PictureSettings(allowedHosts, downloadBytes, timeout, maxRedirects, pixels, size, quality, keptBytes);
    }
}
