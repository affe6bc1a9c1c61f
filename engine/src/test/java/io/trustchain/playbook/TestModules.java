package io.trustchain.playbook;

import io.trustchain.plan.Change;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.secret.SecretRef;
import io.trustchain.spi.ModuleRegistry;
import io.trustchain.spi.ParamProblem;
import io.trustchain.spi.PlanContext;
import io.trustchain.spi.Required;
import io.trustchain.spi.ResourceModule;
import io.trustchain.spi.Sensitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Resource modules for document tests: shaped like the real ones, planning nothing. */
final class TestModules {

  private TestModules() {}

  static ModuleRegistry registry() {
    return ModuleRegistry.of(List.of(new UserModule(), new FileVaultModule(), new BootstrapTokenModule(),
        new SinkModule()));
  }

  enum State { PRESENT, ABSENT }

  enum EnableWith { DEFERRED, IMMEDIATE }

  record UserParams(@Required String name, String fullName, Boolean admin, @Sensitive SecretRef password,
      State state, List<String> groups, Integer uid) {
    UserParams {
      state = state == null ? State.PRESENT : state;
      groups = groups == null ? List.of() : List.copyOf(groups);
      if (uid != null && uid < 0) {
        throw new IllegalArgumentException("uid must not be negative, got " + uid);
      }
    }
  }

  record DeferredParams(@Required String user, Integer forceAtLogin, Boolean askAtLogout) {}

  record RecoveryKeyParams(boolean escrow, Long rotateAfterDays) {}

  record FileVaultParams(Boolean enabled, EnableWith enableWith, DeferredParams deferred, List<String> unlockUsers,
      RecoveryKeyParams personalRecoveryKey) {
    FileVaultParams {
      enabled = enabled == null || enabled;
      unlockUsers = unlockUsers == null ? List.of() : List.copyOf(unlockUsers);
    }
  }

  record BootstrapTokenParams(boolean escrowed) {}

  /** Every supported parameter type. */
  record SinkParams(@Required String id, String s, boolean b, Boolean bb, int i, Integer ii, long l, Long ll,
      double d, Double dd, List<String> strings, List<Integer> ints, Set<String> set, State state, SecretRef secret,
      DeferredParams nested, List<DeferredParams> nestedList, Map<String, Object> extra, Object any) {}

  abstract static class Base<P extends Record> implements ResourceModule<P> {
    @Override
    public Change plan(ResourceAddress address, P params, PlanContext ctx) {
      throw new UnsupportedOperationException("test module");
    }
  }

  static final class UserModule extends Base<UserParams> {
    @Override
    public String name() {
      return "user";
    }

    @Override
    public Class<UserParams> paramsType() {
      return UserParams.class;
    }

    @Override
    public String resourceName(UserParams params) {
      return params.name();
    }

    @Override
    public List<ParamProblem> check(UserParams p) {
      List<ParamProblem> problems = new ArrayList<>();
      if (p.state() == State.ABSENT && p.password() != null) {
        problems.add(ParamProblem.of("password", "a user to remove takes no password"));
      }
      if (p.state() == State.ABSENT && Boolean.TRUE.equals(p.admin())) {
        problems.add(new ParamProblem("admin", "a user to remove cannot be an admin", "drop admin: true"));
      }
      return problems;
    }
  }

  static final class FileVaultModule extends Base<FileVaultParams> {
    @Override
    public String name() {
      return "filevault";
    }

    @Override
    public Class<FileVaultParams> paramsType() {
      return FileVaultParams.class;
    }

    @Override
    public String resourceName(FileVaultParams params) {
      return "main";
    }

    @Override
    public List<ParamProblem> check(FileVaultParams p) {
      if (p.enableWith() == EnableWith.DEFERRED && p.deferred() == null) {
        return List.of(ParamProblem.of("enable_with", "enable_with: deferred needs a deferred: mapping"));
      }
      if (p.deferred() != null && p.deferred().forceAtLogin() != null && p.deferred().forceAtLogin() < 0) {
        return List.of(ParamProblem.of("deferred.force_at_login", "force_at_login must be 0 or more"));
      }
      return List.of();
    }
  }

  static final class BootstrapTokenModule extends Base<BootstrapTokenParams> {
    @Override
    public String name() {
      return "bootstrap_token";
    }

    @Override
    public Class<BootstrapTokenParams> paramsType() {
      return BootstrapTokenParams.class;
    }

    @Override
    public String resourceName(BootstrapTokenParams params) {
      return "main";
    }
  }

  static final class SinkModule extends Base<SinkParams> {
    @Override
    public String name() {
      return "sink";
    }

    @Override
    public Class<SinkParams> paramsType() {
      return SinkParams.class;
    }

    @Override
    public String resourceName(SinkParams params) {
      return params.id();
    }
  }
}
