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
 * predecessor took the left-most entry, which the client writes).
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
            return peer.getHostAddress();
        }
        HeaderValues forwarded = exchange.getRequestHeaders().get(Headers.X_FORWARDED_FOR);
        if (forwarded == null) {
            return peer.getHostAddress();
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
                return peer.getHostAddress(); // the proxy wrote something that is not an address
            }
            if (!isTrusted(hop.get())) {
                return hop.get().getHostAddress();
            }
        }
        return peer.getHostAddress();
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
