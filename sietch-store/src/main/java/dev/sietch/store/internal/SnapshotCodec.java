package dev.sietch.store.internal;

import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Ranking;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A ranking as a compact blob: version byte, wallet count, then per wallet in rank order its 20
 * address bytes, a flags byte (member, role) and its amount as a length-prefixed unsigned
 * big-endian integer; the whole deflated. Ranks are the positions. About 30 bytes per wallet
 * before compression.
 */
final class SnapshotCodec {

    private static final int VERSION = 1;
    private static final HexFormat HEX = HexFormat.of();

    private SnapshotCodec() {}

    static byte[] encode(Ranking ranking) {
        var bytes = new ByteArrayOutputStream(ranking.size() * 24 + 16);
        try (var out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeByte(VERSION);
            out.writeInt(ranking.size());
            for (RankedWallet wallet : ranking.wallets()) {
                out.write(HEX.parseHex(wallet.wallet().value(), 2, 42));
                out.writeByte((wallet.member() ? 1 : 0) | wallet.role().ordinal() << 1);
                byte[] amount = magnitude(wallet.held().value());
                out.writeByte(amount.length);
                out.write(amount);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Ranking decode(byte[] blob) {
        try (var in = new DataInputStream(new InflaterInputStream(new java.io.ByteArrayInputStream(blob)))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalStateException("unknown snapshot version " + version);
            }
            int count = in.readInt();
            List<RankedWallet> wallets = new ArrayList<>(count);
            byte[] address = new byte[20];
            for (int i = 0; i < count; i++) {
                in.readFully(address);
                int flags = in.readUnsignedByte();
                byte[] amount = new byte[in.readUnsignedByte()];
                in.readFully(amount);
                wallets.add(new RankedWallet(new WalletAddress("0x" + HEX.formatHex(address)), i + 1,
                        new Wei(new BigInteger(1, amount)), Role.values()[flags >> 1], (flags & 1) == 1));
            }
            return Ranking.of(wallets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] magnitude(BigInteger value) {
        byte[] bytes = value.toByteArray(); // two's complement: may carry a leading zero byte
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
