package dev.hypernd;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of {@code docs/design.md} §2, checked on the main classes: an import that points the
 * wrong way fails the build. Arrows point down only:
 *
 * <pre>
 * cli ──► control (protocol, client)       daemon ──► control.server ──► control
 *                                            │
 *                                            ▼
 *                       jobs ──► engine ──► cron           store ──► engine
 *                                  ▲
 *                    testing ──────┘ (the hand-driven clock and scheduler, for embedders)
 * </pre>
 *
 * The daemon may use every layer; nothing may use the daemon or the command line. The engine and
 * cron, which are also a library, know nothing of YAML, sockets, processes, the logging back-end or
 * SQLite.
 */
@AnalyzeClasses(packages = "dev.hypernd", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .ensureAllClassesAreContainedInArchitecture()
          .layer("cron")
          .definedBy("dev.hypernd.cron..")
          .layer("engine")
          .definedBy("dev.hypernd.engine..")
          .layer("jobs")
          .definedBy("dev.hypernd.jobs..")
          .layer("store")
          .definedBy("dev.hypernd.store..")
          .layer("protocol and client")
          .definedBy("dev.hypernd.control")
          .layer("control server")
          .definedBy("dev.hypernd.control.server..")
          .layer("cli")
          .definedBy("dev.hypernd.cli..")
          .layer("daemon")
          .definedBy("dev.hypernd.daemon..")
          .layer("examples")
          .definedBy("dev.hypernd.examples..")
          .layer("testing")
          .definedBy("dev.hypernd.testing..")
          .whereLayer("cron")
          .mayNotAccessAnyLayer()
          .whereLayer("engine")
          .mayOnlyAccessLayers("cron")
          .whereLayer("jobs")
          .mayOnlyAccessLayers("engine", "cron")
          .whereLayer("store")
          .mayOnlyAccessLayers("engine")
          .whereLayer("protocol and client")
          .mayNotAccessAnyLayer()
          .whereLayer("control server")
          .mayOnlyAccessLayers("protocol and client")
          .whereLayer("cli")
          .mayOnlyAccessLayers("protocol and client")
          .whereLayer("examples")
          .mayOnlyAccessLayers("engine")
          .whereLayer("testing")
          .mayOnlyAccessLayers("engine")
          .whereLayer("daemon")
          .mayNotBeAccessedByAnyLayer();

  /** One slice per top-level package: {@code engine.store} belongs to {@code engine}. */
  @ArchTest
  static final ArchRule noCycles = slices().matching("dev.hypernd.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule engineKnowsNothingOfTheOutside =
      noClasses()
          .that()
          .resideInAnyPackage("dev.hypernd.engine..", "dev.hypernd.cron..")
          .should()
          .dependOnClassesThat(
              resideInAnyPackage(
                      "org.snakeyaml..",
                      "java.net..",
                      "java.nio.channels..",
                      "jdk.net..",
                      "ch.qos.logback..",
                      "net.logstash..",
                      "java.sql..",
                      "javax.sql..",
                      "org.sqlite..")
                  .or(belongToAnyOf(Process.class, ProcessBuilder.class, ProcessHandle.class)))
          .as(
              "the engine and cron know nothing of YAML, sockets, processes, the logging back-end"
                  + " or SQLite (docs/design.md §2)")
          .because("they are a library too, and are tested with a hand-driven clock alone");
}
