package dev.sietch.http.fake;

import dev.sietch.http.PictureSettings;

import com.luciad.imageio.webp.CompressionType;
import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A local HTTPS server with its own certificate (made by the JDK's keytool) serving good and
 * hostile pictures: the test trusts that certificate and allow-lists {@code 127.0.0.1:<port>} by
 * configuration, exactly as an operator would list a host. Also in this module's test jar, for the
 * service's image test (whose JVM trusts {@link #trustStore()} through {@code javax.net.ssl.trustStore}).
 */
public final class PictureServer implements AutoCloseable {

    static final long HUGE = 6L * 1024 * 1024;

    private final HttpsServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final SSLContext clientTls;
    private final Path trustStore;

    public PictureServer(Path dir) throws Exception {
        char[] password = "changeit".toCharArray();
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "pictures", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, password);
        }
        var kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("pictures", keys.getCertificate("pictures"));
        trustStore = dir.resolve("trust.p12");
        try (var out = Files.newOutputStream(trustStore)) {
            trust.store(out, password);
        }
        var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.setExecutor(threads);
        byte[] thirds = png(thirds(600, 400));
        server.createContext("/photo.png", x -> send(x, "image/png", thirds));
        server.createContext("/photo.jpg", x -> send(x, "image/jpeg", encode(thirds(600, 400), "jpg")));
        server.createContext("/photo.gif", x -> send(x, "image/gif", encode(thirds(600, 400), "gif")));
        server.createContext("/photo.webp", x -> send(x, "image/webp; charset=binary", webp(thirds(600, 400))));
        server.createContext("/noise.png", x -> send(x, "image/png", png(noise(256))));
        server.createContext("/redirect-same", x -> redirect(x, "/photo.png"));
        server.createContext("/redirect-other", x -> redirect(x, "https://localhost:" + port() + "/photo.png"));
        server.createContext("/redirect-http", x -> redirect(x, "http://127.0.0.1:" + port() + "/photo.png"));
        server.createContext("/redirect-loop", x -> redirect(x, "/redirect-loop"));
        server.createContext("/page.html", x -> send(x, "text/html", "<html>hi</html>".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/lying.png", x -> send(x, "image/png", "<svg xmlns='http://www.w3.org/2000/svg'/>"
                .getBytes(StandardCharsets.UTF_8)));
        server.createContext("/broken.png", x -> send(x, "image/png", java.util.Arrays.copyOf(thirds, 60)));
        server.createContext("/bomb.png", x -> send(x, "image/png", bomb(50_000, 50_000)));
        server.createContext("/huge-declared.png", this::hugeDeclared);
        server.createContext("/huge-chunked.png", this::hugeChunked);
        server.createContext("/drip.png", this::drip);
        server.createContext("/missing.png", x -> {
            x.sendResponseHeaders(404, -1);
            x.close();
        });
        server.start();
    }

    /** A PKCS12 trust store (password {@code changeit}) holding only this server's certificate. */
    public Path trustStore() {
        return trustStore;
    }

    public SSLContext clientTls() {
        return clientTls;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "https://127.0.0.1:" + port() + path;
    }

    /** The defaults, allowing only this server. */
    public PictureSettings settings() {
        return PictureSettings.DEFAULT.withAllowedHosts(List.of("127.0.0.1:" + port()));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void hugeDeclared(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "image/png");
        exchange.sendResponseHeaders(200, HUGE);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(new byte[64 * 1024]); // the client stops listening long before the rest
        } catch (IOException closedByClient) {
            // expected
        }
    }

    private void hugeChunked(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "image/png");
        exchange.sendResponseHeaders(200, 0); // chunked: no length declared
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent < HUGE; sent += chunk.length) {
                out.write(chunk);
            }
        } catch (IOException closedByClient) {
            // expected
        }
    }

    private void drip(HttpExchange exchange) throws IOException {
        byte[] body = png(thirds(60, 40));
        exchange.getResponseHeaders().set("Content-Type", "image/png");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            for (byte b : body) {
                out.write(b);
                out.flush();
                Thread.sleep(200);
            }
        } catch (IOException | InterruptedException closed) {
            // the client gave up, as it should
        }
    }

    /** Left third red, middle green, right blue. */
    public static BufferedImage thirds(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 3, height);
        g.setColor(Color.GREEN);
        g.fillRect(width / 3, 0, width / 3, height);
        g.setColor(Color.BLUE);
        g.fillRect(2 * width / 3, 0, width - 2 * width / 3, height);
        g.dispose();
        return image;
    }

    static BufferedImage noise(int size) {
        var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        var random = new Random(7);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    private static byte[] encode(BufferedImage image, String format) {
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] webp(BufferedImage image) {
        var writer = new WebPImageWriterSpi().createWriterInstance(null);
        var param = new WebPWriteParam(Locale.ROOT);
        param.setCompressionType(CompressionType.Lossless);
        var out = new ByteArrayOutputStream();
        try (var stream = new javax.imageio.stream.MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A valid PNG of {@code width × height} black pixels in a few hundred bytes (a decompression bomb). */
    static byte[] bomb(int width, int height) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array());
        var deflater = new Deflater(9);
        deflater.setInput(new byte[width + 1]); // one row's worth; the rest would follow the same way
        deflater.finish();
        byte[] compressed = new byte[1024];
        int length = deflater.deflate(compressed);
        chunk(out, "IDAT", java.util.Arrays.copyOf(compressed, length));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        var crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
