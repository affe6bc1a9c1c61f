package io.trustchain.macos.user;

import io.trustchain.spi.ParamProblem;
import io.trustchain.transport.EscrowStep;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The checks of {@code managed_password} that need no facts. */
final class ManagedPasswordChecks {

  private ManagedPasswordChecks() {}

  static void check(UserParams p, List<ParamProblem> problems) {
    ManagedPasswordParams m = p.managedPassword();
    if (m == null || p.isAbsent()) {
      return;
    }
    if (p.password() != null) {
      problems.add(new ParamProblem("managed_password", "give either password or managed_password, not both: the"
          + " managed password is the account's password", "drop password: (managed_password: {value: …} keeps a"
          + " given one)"));
    }
    if (m.value() != null && (m.length() != null || m.characters() != null || m.rotateAfterDays() != null
        || m.rotateIfCreatedBefore() != null)) {
      problems.add(new ParamProblem("managed_password", "a given value (value:) is not generated or rotated by"
          + " trustchain: length, characters, rotate_after_days and rotate_if_created_before do not apply",
          "drop value: to let trustchain generate and rotate it, or drop the other keys"));
    }
    if (m.generated()) {
      try {
        new EscrowStep.PasswordRule(m.lengthOrDefault(), m.charactersOrDefault());
      } catch (IllegalArgumentException e) {
        problems.add(ParamProblem.of(m.length() != null && (m.length() < 8 || m.length() > 128)
            ? "managed_password.length" : "managed_password.characters", e.getMessage()));
      }
    }
    if (m.rotateAfterDays() != null && m.rotateAfterDays() < 1) {
      problems.add(ParamProblem.of("managed_password.rotate_after_days", "rotate_after_days must be at least 1"));
    }
    if (m.rotateIfCreatedBefore() != null) {
      try {
        ManagedPasswordPlan.cutoff(m.rotateIfCreatedBefore());
      } catch (DateTimeParseException e) {
        problems.add(new ParamProblem("managed_password.rotate_if_created_before", "\"" + m.rotateIfCreatedBefore()
            + "\" is not a date", "write 2026-05-01 or 2026-05-01T00:00:00Z"));
      }
    }
  }
}
