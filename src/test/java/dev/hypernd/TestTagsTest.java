package dev.hypernd;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fast loop ({@code mvn -Pfast verify}, see README.md) leaves out tests tagged {@code e2e},
 * {@code system} and {@code slow}; a test class that starts the real programs must say so, or it
 * would slow the loop down unnoticed.
 */
@AnalyzeClasses(packages = "dev.hypernd.e2e", importOptions = ImportOption.OnlyIncludeTests.class)
class TestTagsTest {

  @ArchTest
  static final ArchRule endToEndTestsAreTagged =
      classes()
          .that()
          .areTopLevelClasses()
          .and()
          .containAnyMethodsThat(annotatedWith(Test.class))
          .should()
          .beAnnotatedWith(
              describe(
                  "@Tag(\"e2e\")",
                  (JavaAnnotation<?> tag) ->
                      tag.getRawType().isEquivalentTo(Tag.class)
                          && "e2e".equals(tag.get("value").orElse(null))))
          .because("they start the real daemon and hypernctl, which the fast loop leaves out");
}
