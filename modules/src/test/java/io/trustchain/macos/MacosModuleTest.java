package io.trustchain.macos;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import io.trustchain.macos.credential.CredentialFitness;
import io.trustchain.macos.credential.CredentialUnchanged;
import io.trustchain.macos.safety.TokenAdminInvariant;
import io.trustchain.macos.user.UserParams;
import io.trustchain.spi.ModuleRegistry;
import io.trustchain.spi.PlanValidator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MacosModuleTest {

  @Test
  void theCliFindsTheModuleWithServiceLoader() {
    List<Module> found = ServiceLoader.load(Module.class).stream().map(ServiceLoader.Provider::get).toList();
    assertThat(found).hasAtLeastOneElementOfType(MacosModule.class);
  }

  @Test
  void contributesTheModulesAndTheSafetyValidators() {
    Injector injector = Guice.createInjector(new MacosModule());

    ModuleRegistry registry = injector.getInstance(ModuleRegistry.class);
    assertThat(registry.names()).containsExactly("bootstrap_token", "filevault", "mobile_accounts", "user");
    assertThat(registry.find("user").orElseThrow().paramsType()).isEqualTo(UserParams.class);
    Set<PlanValidator> validators = injector.getInstance(Key.get(new TypeLiteral<Set<PlanValidator>>() {}));
    assertThat(validators).hasExactlyElementsOfTypes(CredentialFitness.class, CredentialUnchanged.class,
        TokenAdminInvariant.class, io.trustchain.macos.safety.FileVaultInvariant.class,
        io.trustchain.macos.safety.WayInInvariant.class);
    Set<io.trustchain.spi.DocumentValidator> documents = injector.getInstance(
        Key.get(new TypeLiteral<Set<io.trustchain.spi.DocumentValidator>>() {}));
    assertThat(documents).hasExactlyElementsOfTypes(io.trustchain.macos.safety.WayInDocuments.class);
  }
}
