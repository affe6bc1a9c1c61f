package io.trustchain.macos;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import io.trustchain.macos.credential.CredentialFitness;
import io.trustchain.macos.credential.CredentialUnchanged;
import io.trustchain.macos.bootstrap.BootstrapTokenModule;
import io.trustchain.macos.filevault.FileVaultModule;
import io.trustchain.macos.mobile.MobileAccountsModule;
import io.trustchain.macos.safety.FileVaultInvariant;
import io.trustchain.macos.safety.TokenAdminInvariant;
import io.trustchain.macos.safety.WayInDocuments;
import io.trustchain.macos.safety.WayInInvariant;
import io.trustchain.macos.user.UserModule;
import io.trustchain.spi.DocumentValidator;
import io.trustchain.spi.PlanValidator;
import io.trustchain.spi.ResourceModule;

/**
 * Contributes the macOS resource modules and safety validators to the engine's sets. Loaded by the
 * CLI with {@link java.util.ServiceLoader} (META-INF/services/com.google.inject.Module).
 */
public final class MacosModule extends AbstractModule {

  @Override
  protected void configure() {
    Multibinder<ResourceModule<?>> modules =
        Multibinder.newSetBinder(binder(), new TypeLiteral<ResourceModule<?>>() {});
    modules.addBinding().toInstance(new UserModule());
    modules.addBinding().toInstance(new FileVaultModule());
    modules.addBinding().toInstance(new BootstrapTokenModule());
    modules.addBinding().toInstance(new MobileAccountsModule());

    Multibinder<PlanValidator> validators = Multibinder.newSetBinder(binder(), PlanValidator.class);
    validators.addBinding().toInstance(new CredentialFitness());
    validators.addBinding().toInstance(new CredentialUnchanged());
    validators.addBinding().toInstance(new TokenAdminInvariant());
    validators.addBinding().toInstance(new FileVaultInvariant());
    validators.addBinding().toInstance(new WayInInvariant());

    Multibinder<DocumentValidator> documents = Multibinder.newSetBinder(binder(), DocumentValidator.class);
    documents.addBinding().toInstance(new WayInDocuments());
  }
}
