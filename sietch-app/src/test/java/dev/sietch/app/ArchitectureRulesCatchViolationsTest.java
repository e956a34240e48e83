package dev.sietch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every architecture rule can fail: each is evaluated against the shipped classes plus deliberate
 * violations (test classes in {@code dev.sietch.*.archfixture}) and must report the violating class.
 */
final class ArchitectureRulesCatchViolationsTest {

    private static JavaClasses withViolations;

    @BeforeAll
    static void importShippedClassesAndFixtures() throws Exception {
        Path testClasses = ShippedClasses.locationOf(ArchitectureRulesCatchViolationsTest.class);
        List<Path> paths = new ArrayList<>(ShippedClasses.LOCATIONS.values());
        for (String module : List.of("core", "store", "chain", "http", "discord")) {
            paths.add(testClasses.resolve("dev/sietch/" + module + "/archfixture"));
        }
        paths.add(testClasses.resolve("dev/sietch/discord/internal/archfixture")); // a feature package of its own
        withViolations = new ClassFileImporter().importLocations(ShippedClasses.asLocations(paths));
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                Arguments.of("core_depends_on_no_framework", "CoreUsesJdbc"),
                Arguments.of("each_library_stays_in_its_module", "CoreUsesJdbc"),
                Arguments.of("each_library_stays_in_its_module", "ChainUsesUndertow"),
                Arguments.of("adapters_depend_only_on_core", "StoreUsesHttp"),
                Arguments.of("adapters_depend_only_on_core", "DiscordUsesApp"),
                Arguments.of("internals_stay_inside_their_module", "HttpUsesStoreInternal"),
                Arguments.of("only_app_constructs_adapters", "StoreUsesHttp"),
                Arguments.of("no_cycles_between_modules", "StoreUsesHttp"),
                Arguments.of("no_cycles_inside_modules", "cycle.a.A"),
                Arguments.of("only_the_sync_records_sync_outcomes", "MarksSyncSuccessful"),
                Arguments.of("discord_commands_live_in_their_feature", "StrayCommand"),
                Arguments.of("discord_features_meet_only_in_shared_packages", "FeatureUsesAnother"),
                Arguments.of("hygiene", "Noisy"));
    }

    @ParameterizedTest(name = "{0} catches {1}")
    @MethodSource("violations")
    void reportsTheViolatingClass(String rule, String violator) {
        // when
        var result = ArchitectureRules.ALL.get(rule).evaluate(withViolations);

        // then
        assertThat(result.hasViolation()).as("%s reports a violation", rule).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains(violator));
    }
}
