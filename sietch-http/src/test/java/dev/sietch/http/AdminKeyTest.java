package dev.sietch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** ADMIN_API_KEYS: key:name pairs, or SHA-256 digests; errors never quote a key. */
final class AdminKeyTest {

    private static final String KEY = "s3cret-admin-key-of-length-32!!";

    @Test
    void parsesPlainPairsAndDigests_keepingOnlyDigests() {
        String digest = HexFormat.of().formatHex(AdminKey.digest(KEY));

        var keys = AdminKey.parseList(KEY + ":alice, ,sha256:" + digest.toUpperCase() + ":bob ");

        assertThat(keys).extracting(AdminKey::name).containsExactly("alice", "bob");
        assertThat(keys.get(0).sha256()).isEqualTo(keys.get(1).sha256());
        assertThat(keys.toString()).doesNotContain(KEY).doesNotContain(digest);
    }

    @Test
    void rejectsMalformedEntries_namingThePositionNotTheText() {
        assertThatThrownBy(() -> AdminKey.parseList("ok-key-0123456789:alice,short:bob"))
                .hasMessage("admin key entry 2: the key is shorter than 16 characters");
        assertThatThrownBy(() -> AdminKey.parseList(KEY))
                .hasMessage("admin key entry 1: expected key:name or sha256:<digest>:name")
                .message().doesNotContain(KEY);
        assertThatThrownBy(() -> AdminKey.parseList("sha256:abcd:carol"))
                .hasMessage("admin key entry 1: expected sha256:<64 hex digits>:name");
        assertThatThrownBy(() -> AdminKey.parseList(KEY + ":alice," + KEY + "x:alice"))
                .hasMessage("admin key name used twice: alice");
    }
}
