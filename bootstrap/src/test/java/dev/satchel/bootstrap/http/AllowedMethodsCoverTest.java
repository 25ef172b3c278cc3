package dev.satchel.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.adapters.rest.http.AllowedMethods;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Every resource of the running application is registered for the reflection AllowedMethods does. */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class AllowedMethodsCoverTest {
  @Inject BeanManager beans;

  @Test
  void everyResourceIsRegisteredForReflectionSoANativeImageListsItsMethodsToo() {
    Class<?>[] registered = AllowedMethods.class.getAnnotation(RegisterForReflection.class).targets();

    assertThat(AllowedMethods.resourceClasses(beans)).isNotEmpty().containsExactlyInAnyOrder(registered);
  }
}
