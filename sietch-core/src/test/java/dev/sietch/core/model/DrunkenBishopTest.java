package dev.sietch.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The known-answer vectors of the existing avatars, reproduced exactly. */
final class DrunkenBishopTest {

    @Test
    void reproducesTheFirstKnownAnswer_gridMaxStartEndAndAscii() {
        var walk = DrunkenBishop.of(new MemberId("00000000-0000-4000-8000-000000000000"));

        assertThat(walk.hash()).isEqualTo("db8055e0e0307d5a016bec4dc338d69875eb0fb7e614a8b125b08fb082095d98");
        assertThat(walk.max()).isEqualTo(10);
        assertThat(new int[] {walk.startX(), walk.startY()}).containsExactly(8, 4);
        assertThat(new int[] {walk.endX(), walk.endY()}).containsExactly(2, 2);
        assertThat(Arrays.stream(walk.grid()).map(row -> Arrays.stream(row).mapToObj(Integer::toString)
                .collect(Collectors.joining(","))).collect(Collectors.joining("\n"))).isEqualTo("""
                0,0,0,0,2,1,2,1,3,2,2,0,0,0,0,0,0
                0,0,0,2,0,4,1,9,2,2,0,1,0,0,0,0,0
                0,0,2,0,1,0,10,3,6,0,1,0,0,0,0,0,0
                0,1,0,1,0,3,1,7,0,2,0,1,0,0,0,0,0
                1,0,1,0,1,0,3,0,5,0,4,0,2,0,0,0,0
                1,2,0,0,0,2,0,2,0,8,0,3,0,2,0,0,0
                2,0,1,0,1,0,1,0,4,0,1,0,4,0,0,0,0
                0,0,0,1,0,0,0,0,0,0,0,3,0,0,0,0,0
                0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0""");
        assertThat(walk.ascii()).isEqualTo("""
                +-----------------+
                |    . . :..      |
                |   . - %..       |
                |  E   @:+        |
                |     : * .       |
                |      : S - .    |
                | .   . . # : .   |
                |.       -   -    |
                |           :     |
                |                 |
                +-----------------+""");
        assertThat(Arrays.stream(walk.grid()).flatMapToInt(Arrays::stream).sum()).isEqualTo(129);
    }

    @Test
    void reproducesTheSecondKnownAnswer() {
        var walk = DrunkenBishop.of(new MemberId("member-1"));
        assertThat(walk.hash()).isEqualTo("9811fb1b3afa5a096ae6fe9541b1fa61bfd00018b9ee9b7f8111a47f287848e2");
        assertThat(walk.max()).isEqualTo(8);
        assertThat(new int[] {walk.endX(), walk.endY()}).containsExactly(1, 4);
    }

    @Test
    void slidesAlongTheWalls_inTheDegenerateCases() {
        var zeros = DrunkenBishop.ofHash("0".repeat(64));
        assertThat(new int[] {zeros.endX(), zeros.endY()}).containsExactly(0, 0);
        assertThat(zeros.at(0, 0)).isEqualTo(121);
        var ones = DrunkenBishop.ofHash("f".repeat(64));
        assertThat(new int[] {ones.endX(), ones.endY()}).containsExactly(16, 8);
        assertThat(ones.at(16, 8)).isEqualTo(121);
    }

    @Test
    void rendersTheTiersPaletteAsSvg() {
        var walk = DrunkenBishop.of(new MemberId("00000000-0000-4000-8000-000000000000"));
        String naib = walk.svg(Role.NAIB, 200);
        assertThat(naib).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"200\"")
                .contains("<rect width=\"200\" height=\"200\" fill=\"#0a0f1a\"/>")
                // the peak cell (6,2) = 10: x = 6·200/17, y = 2·200/9, opacity 1
                .contains("<rect x=\"70.588\" y=\"44.444\" width=\"11.765\" height=\"22.222\" fill=\"#87ceeb\" opacity=\"1\"/>")
                .endsWith("</svg>");
        long cells = Arrays.stream(walk.grid()).flatMapToInt(Arrays::stream).filter(v -> v > 0).count();
        assertThat(naib.split("<rect ").length - 2).isEqualTo((int) cells);
        assertThat(walk.svg(Role.FEDAYKIN, 200)).contains("fill=\"#1a0f0a\"").contains("fill=\"#ffd700\"");
    }
}
