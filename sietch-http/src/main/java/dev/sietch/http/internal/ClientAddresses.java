package dev.sietch.http.internal;

import dev.sietch.http.AddressBlock;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who the client is, for rate limiting: the socket's peer address, unless the peer is a trusted
 * reverse proxy, in which case the right-most {@code X-Forwarded-For} entry that is not itself a
 * trusted proxy (what the proxy saw). A client cannot choose its bucket by sending the header: from
 * an untrusted peer it is ignored, and through a proxy only the hop the proxy appended counts (the
 * left-most entry is whatever the client wrote). An IPv6 client is keyed by its
 * /64 network, the block one subscriber holds, so cycling through its addresses buys no buckets.
 */
final class ClientAddresses {

    private final List<AddressBlock> trusted;

    ClientAddresses(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(AddressBlock::parse).toList();
    }

    String key(HttpServerExchange exchange) {
        InetSocketAddress source = exchange.getSourceAddress();
        if (source == null || source.getAddress() == null) {
            return "unknown";
        }
        InetAddress peer = source.getAddress();
        if (!isTrusted(peer)) {
            return key(peer);
        }
        HeaderValues forwarded = exchange.getRequestHeaders().get(Headers.X_FORWARDED_FOR);
        if (forwarded == null) {
            return key(peer);
        }
        var hops = new ArrayList<String>();
        for (String header : forwarded) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = AddressBlock.literal(hops.get(i));
            if (hop.isEmpty()) {
                return key(peer); // the proxy wrote something that is not an address
            }
            if (!isTrusted(hop.get())) {
                return key(hop.get());
            }
        }
        return key(peer);
    }

    /** An IPv4 address as is; an IPv6 address by its /64 prefix. */
    static String key(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return address.getHostAddress();
        }
        var prefix = new StringBuilder(24);
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF))).append(':');
        }
        return prefix.append(":/64").toString();
    }

    private boolean isTrusted(InetAddress address) {
        for (AddressBlock block : trusted) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
