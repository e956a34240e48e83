package dev.sietch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of DESIGN.md hold for every class Sietch ships. */
final class ArchitectureTest {

    private static JavaClasses shipped;

    @BeforeAll
    static void importShippedClasses() {
        shipped = ShippedClasses.importAll();
    }

    @Test
    void importsEveryModule() {
        for (String module : ShippedClasses.LOCATIONS.keySet()) {
            assertThat(shipped.stream().anyMatch(c -> c.getPackageName().startsWith(module)))
                    .as("classes of %s imported", module)
                    .isTrue();
        }
    }

    static Stream<Arguments> rules() {
        return ArchitectureRules.ALL.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holds(String name, ArchRule rule) {
        rule.check(shipped);
    }
}
