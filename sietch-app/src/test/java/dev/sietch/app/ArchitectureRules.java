package dev.sietch.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;
import java.util.Map;

/** The architecture rules of DESIGN.md, as ArchUnit rules over the shipped classes. */
final class ArchitectureRules {

    private ArchitectureRules() {}

    static final List<String> ADAPTERS = List.of("store", "chain", "http", "discord");

    /** Rule 1: core depends on the JDK (but not JDBC), SLF4J, JSpecify and itself: no framework. */
    static final ArchRule core_depends_on_no_framework = noClasses()
            .that().resideInAPackage("dev.sietch.core..")
            .should().dependOnClassesThat(not(resideInAPackage("java..").and(not(resideInAPackage("java.sql..")))
                    .or(resideInAPackage("org.slf4j.."))
                    .or(resideInAPackage("org.jspecify.."))
                    .or(resideInAPackage("dev.sietch.core.."))))
            .as("core depends only on java.. (not java.sql..), org.slf4j.., org.jspecify.. and itself");

    /** Each library is confined to the module that owns it. */
    static final Map<String, List<String>> LIBRARY_OWNERS = Map.of(
            "net.dv8tion.jda..", List.of("dev.sietch.discord.."),
            "org.jdbi..", List.of("dev.sietch.store.."),
            "org.flywaydb..", List.of("dev.sietch.store.."),
            "org.sqlite..", List.of("dev.sietch.store.."),
            "java.sql..", List.of("dev.sietch.store.."),
            "org.web3j..", List.of("dev.sietch.chain.."),
            "io.undertow..", List.of("dev.sietch.http.."),
            "com.fasterxml.jackson..", List.of("dev.sietch.http.."),
            "com.typesafe.config..", List.of("dev.sietch.app.."),
            "picocli..", List.of("dev.sietch.app.."));

    static final ArchRule each_library_stays_in_its_module = CompositeArchRule.of(
                    LIBRARY_OWNERS.entrySet().stream()
                            .sorted(Map.Entry.comparingByKey())
                            .map(e -> noClasses()
                                    .that().resideInAPackage("dev.sietch..")
                                    .and().resideOutsideOfPackages(e.getValue().toArray(String[]::new))
                                    .should().dependOnClassesThat().resideInAPackage(e.getKey())
                                    .as(e.getKey() + " is used only in " + e.getValue()))
                            .toList())
            .and(noClasses().that().resideInAPackage("dev.sietch..")
                    // the chain adapter records per-endpoint RPC metrics (DESIGN.md: chain requires Micrometer),
                    // the bot per-command ones
                    .and().resideOutsideOfPackages("dev.sietch.chain..", "dev.sietch.http..", "dev.sietch.discord..",
                            "dev.sietch.app..")
                    .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
                    .as("io.micrometer.. is used only in [dev.sietch.chain.., dev.sietch.http.., dev.sietch.discord.., "
                            + "dev.sietch.app..]"))
            .and(noClasses().that().resideInAPackage("dev.sietch..")
                    .and().resideOutsideOfPackage("dev.sietch.app..")
                    .should().dependOnClassesThat().resideInAPackage("ch.qos.logback..")
                    .as("ch.qos.logback.. is used only in dev.sietch.app.."));

    /** Rule 2: adapters depend on core, never on each other; nothing depends on app. */
    static final ArchRule adapters_depend_only_on_core = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("core").definedBy("dev.sietch.core..")
            .layer("store").definedBy("dev.sietch.store..")
            .layer("chain").definedBy("dev.sietch.chain..")
            .layer("http").definedBy("dev.sietch.http..")
            .layer("discord").definedBy("dev.sietch.discord..")
            .layer("app").definedBy("dev.sietch.app..")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("store").mayOnlyBeAccessedByLayers("app")
            .whereLayer("chain").mayOnlyBeAccessedByLayers("app")
            .whereLayer("http").mayOnlyBeAccessedByLayers("app")
            .whereLayer("discord").mayOnlyBeAccessedByLayers("app")
            .whereLayer("core").mayOnlyBeAccessedByLayers("store", "chain", "http", "discord", "app")
            .as("adapters depend only on core; only app depends on adapters; nothing depends on app");

    /** Rule 3: an adapter's internal packages are reached only from inside that adapter. */
    static final ArchRule internals_stay_inside_their_module = CompositeArchRule.of(
            List.of("core", "store", "chain", "http", "discord", "app").stream()
                    .map(module -> noClasses()
                            .that().resideOutsideOfPackage("dev.sietch." + module + "..")
                            .should().dependOnClassesThat().resideInAPackage("dev.sietch." + module + ".internal..")
                            .as("dev.sietch." + module + ".internal.. is reached only from dev.sietch." + module))
                    .toList());

    /** Rule 4: only app builds adapters (their façades) and reads configuration. */
    static final ArchRule only_app_constructs_adapters = CompositeArchRule.of(
            ADAPTERS.stream()
                    .map(adapter -> noClasses()
                            .that().resideOutsideOfPackages("dev.sietch.app..", "dev.sietch." + adapter + "..")
                            .should().callCodeUnitWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                            resideInAPackage("dev.sietch." + adapter))))
                            .as("only dev.sietch.app calls the dev.sietch." + adapter + " façade"))
                    .toList());

    /** Only the eligibility sync records sync outcomes: no other job can mark the chain sync successful. */
    static final ArchRule only_the_sync_records_sync_outcomes = noClasses()
            .that().resideInAPackage("dev.sietch..")
            .and().doNotHaveFullyQualifiedName("dev.sietch.core.usecase.SyncEligibility")
            .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching("commitSync|commitFailure")))
            .as("only SyncEligibility commits sync outcomes (commitSync, commitFailure)");

    /** Rule 5: no cycles between the modules, nor between the packages of any module. */
    static final ArchRule no_cycles_between_modules =
            slices().matching("dev.sietch.(*)..").should().beFreeOfCycles();

    static final ArchRule no_cycles_inside_modules =
            slices().matching("dev.sietch.*.(**)").should().beFreeOfCycles();

    /** The bot's packages that every feature may use: interaction contracts and routing, shared presentation. */
    static final String[] DISCORD_SHARED = {"dev.sietch.discord.internal.interaction..", "dev.sietch.discord.internal.common.."};

    private static final String SLASH_COMMAND = "dev.sietch.discord.internal.interaction.SlashCommand";

    /**
     * Rule 6: the bot is packaged by feature. A slash command is named for what it is and lives in
     * its feature's package, {@code dev.sietch.discord.internal.<feature>}, next to the rest of
     * that feature; a class so named is a slash command.
     */
    static final ArchRule discord_commands_live_in_their_feature = CompositeArchRule.of(classes()
                    .that().implement(SLASH_COMMAND)
                    .should().haveSimpleNameEndingWith("Command")
                    .andShould().resideInAPackage("dev.sietch.discord.internal.*")
                    .andShould().resideOutsideOfPackages(DISCORD_SHARED)
                    .as("slash commands are named *Command and live in a feature package dev.sietch.discord.internal.<feature>"))
            .and(classes()
                    .that().resideInAPackage("dev.sietch.discord..").and().haveSimpleNameEndingWith("Command")
                    .and().areNotInterfaces()
                    .should().implement(SLASH_COMMAND)
                    .as("classes of dev.sietch.discord named *Command are slash commands"));

    /** Features meet only in the shared packages, which depend on no feature. */
    static final ArchRule discord_features_meet_only_in_shared_packages = slices()
            .matching("dev.sietch.discord.internal.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAnyPackage(DISCORD_SHARED))
            .as("the bot's feature packages depend on each other only through internal.interaction and internal.common");

    /** Hygiene: SLF4J only, no standard streams, no generic exceptions, loggers private static final. */
    static final ArchRule hygiene = CompositeArchRule.of(NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS)
            .and(NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING)
            .and(NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS)
            .and(fields().that().haveRawType(org.slf4j.Logger.class)
                    .should().bePrivate().andShould().beStatic().andShould().beFinal()
                    .allowEmptyShould(true)
                    .as("loggers are private static final"));

    static final Map<String, ArchRule> ALL = Map.ofEntries(
            Map.entry("core_depends_on_no_framework", core_depends_on_no_framework),
            Map.entry("each_library_stays_in_its_module", each_library_stays_in_its_module),
            Map.entry("adapters_depend_only_on_core", adapters_depend_only_on_core),
            Map.entry("internals_stay_inside_their_module", internals_stay_inside_their_module),
            Map.entry("only_app_constructs_adapters", only_app_constructs_adapters),
            Map.entry("only_the_sync_records_sync_outcomes", only_the_sync_records_sync_outcomes),
            Map.entry("no_cycles_between_modules", no_cycles_between_modules),
            Map.entry("no_cycles_inside_modules", no_cycles_inside_modules),
            Map.entry("discord_commands_live_in_their_feature", discord_commands_live_in_their_feature),
            Map.entry("discord_features_meet_only_in_shared_packages", discord_features_meet_only_in_shared_packages),
            Map.entry("hygiene", hygiene));
}
