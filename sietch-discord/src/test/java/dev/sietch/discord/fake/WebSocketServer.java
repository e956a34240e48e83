package dev.sietch.discord.fake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A small RFC 6455 WebSocket server on loopback, enough for a gateway client: the HTTP upgrade,
 * masked client frames (text, continuation, ping, close), unmasked server text frames. One thread
 * per connection; the handler gets each text message and can send, or drop the socket (to test
 * RESUME).
 */
final class WebSocketServer implements AutoCloseable {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** One client connection. */
    static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final String path;

        Connection(Socket socket, String path) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.path = path;
        }

        /** The request target of the upgrade, e.g. {@code /?encoding=json&v=10}. */
        String path() {
            return path;
        }

        synchronized void sendText(String text) {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            try {
                out.write(0x81);
                if (payload.length < 126) {
                    out.write(payload.length);
                } else if (payload.length < 65_536) {
                    out.write(126);
                    out.write(payload.length >>> 8);
                    out.write(payload.length & 0xFF);
                } else {
                    out.write(127);
                    for (int shift = 56; shift >= 0; shift -= 8) {
                        out.write((int) ((long) payload.length >>> shift) & 0xFF);
                    }
                }
                out.write(payload);
                out.flush();
            } catch (IOException e) {
                drop();
            }
        }

        /** Sends a close frame with {@code code}, then closes the socket. */
        synchronized void close(int code) {
            try {
                out.write(new byte[] {(byte) 0x88, 2, (byte) (code >>> 8), (byte) code});
                out.flush();
            } catch (IOException ignored) {
                // the socket is going anyway
            }
            drop();
        }

        /** Closes the TCP connection without a close frame (a network failure, as the client sees it). */
        void drop() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        boolean isOpen() {
            return !socket.isClosed();
        }
    }

    interface Handler {
        void opened(Connection connection);

        void message(Connection connection, String text);

        void closed(Connection connection);
    }

    private final ServerSocket server;
    private final Handler handler;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    WebSocketServer(Handler handler) throws IOException {
        this.handler = handler;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = Thread.ofPlatform().daemon().name("fake-gateway-accept").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    Set<Connection> connections() {
        return connections;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofPlatform().daemon().name("fake-gateway-conn").start(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        Connection connection = null;
        try (socket) {
            InputStream in = socket.getInputStream();
            String request = readHead(in);
            String[] lines = request.split("\r\n");
            String path = lines[0].split(" ")[1];
            String key = null;
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-key")) {
                    key = line.substring(colon + 1).trim();
                }
            }
            if (key == null) {
                socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            String accept = Base64.getEncoder().encodeToString(sha1(key + GUID));
            socket.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            connection = new Connection(socket, path);
            connections.add(connection);
            handler.opened(connection);
            var message = new ByteArrayOutputStream();
            while (true) {
                int first = in.read();
                if (first < 0) {
                    return;
                }
                int opcode = first & 0x0F;
                boolean fin = (first & 0x80) != 0;
                int second = in.read();
                long length = second & 0x7F;
                if (length == 126) {
                    length = (in.read() << 8) | in.read();
                } else if (length == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = (length << 8) | in.read();
                    }
                }
                byte[] mask = (second & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
                byte[] payload = in.readNBytes((int) length);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
                switch (opcode) {
                    case 0x0, 0x1 -> {
                        message.write(payload);
                        if (fin) {
                            handler.message(connection, message.toString(StandardCharsets.UTF_8));
                            message.reset();
                        }
                    }
                    case 0x8 -> {
                        connection.close(payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1000);
                        return;
                    }
                    case 0x9 -> {
                        synchronized (connection) {
                            connection.out.write(0x8A);
                            connection.out.write(payload.length);
                            connection.out.write(payload);
                            connection.out.flush();
                        }
                    }
                    default -> { } // pong, binary: ignored
                }
            }
        } catch (SocketException e) {
            // dropped
        } catch (IOException e) {
            // client went away
        } finally {
            if (connection != null) {
                connections.remove(connection);
                handler.closed(connection);
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the handshake");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.forEach(Connection::drop);
        acceptor.interrupt();
    }
}
