package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.rules.SecureTokens;
import io.trustchain.lab.macos.rules.Users;
import io.trustchain.lab.macos.state.Account;
import io.trustchain.lab.macos.state.MacState;
import io.trustchain.lab.macos.state.MacVersion;
import java.io.IOException;
import java.util.Optional;

/** sysadminctl's account verbs: {@code -addUser} (S12–S15), {@code -deleteUser} (S17–S20), {@code -resetPasswordFor} (S11). */
final class SysadminctlAccounts {

  private final MacState state;
  private final NsLog log;
  private final ProgramContext ctx;
  private final Credentials creds;
  private final MacVersion version;

  SysadminctlAccounts(MacState state, NsLog log, ProgramContext ctx, Credentials creds) {
    this.state = state;
    this.log = log;
    this.ctx = ctx;
    this.creds = creds;
    this.version = state.version();
  }

  /**
   * Without (working) token-holder credentials the FDE banner comes first (S12); wrong ones are logged as
   * an authentication error before it (field capture, microsoft/shell-intune-samples #183).
   */
  private boolean bannerUnlessAuthorised(boolean authorised) {
    if (authorised) {
      return false;
    }
    if (creds.given() && !creds.authenticatesAdmin(state)) {
      log.line(SysadminctlText.adminAuthFailed(version));
    }
    log.line(SysadminctlText.BANNER_RULE);
    log.line(SysadminctlText.BANNER);
    log.line(SysadminctlText.BANNER_RULE);
    return true;
  }

  void addUser(SysadminctlArgs a) throws IOException {
    boolean authorised = creds.authorizes(state);
    boolean firstTokenByAdmin = !authorised && version.atLeast(10, 14, 2) && state.firstTokenAvailable()
        && creds.authenticatesAdmin(state);
    bannerUnlessAuthorised(authorised || firstTokenByAdmin);
    log.line(SysadminctlText.CREATING_RECORD);
    Optional<String> password = Credentials.value(a, "password", ctx, log);
    if (state.user(a.target()).isPresent()) {
      log.line(SysadminctlText.internalError(version, -14135, "DSRecord.m", 496)); // S15: eDSRecordAlreadyExists
      return;
    }
    Integer uid = number(a.option("UID"));
    Integer gid = number(a.option("GID"));
    String home = a.option("home").orElse(null);
    Account u = Users.create(state, a.target(), uid, gid, a.option("fullName").orElse(null),
        a.option("shell").orElse(null), home);
    log.line(version.atLeast(13, 0) ? "Assigning UID: " + u.uid() + " GID: " + u.gid() : "Assigning UID: " + u.uid());
    if (home != null) {
      log.line("Home directory is assigned (not created!) at " + home); // S13
    } else {
      log.line("Creating home directory at " + u.home());
      if (state.files().isDirectory(u.home())) {
        log.line("Directory at path:" + u.home() + " already exists"); // S15
      }
      state.files().mkdirs(u.home());
    }
    a.option("hint").ifPresent(u::hint);
    if (a.flag("admin")) {
      state.adminGroup().add(u.name());
    }
    if (password.isEmpty()) {
      return;
    }
    boolean firstByPassword = !authorised && !firstTokenByAdmin && SecureTokens.firstPasswordGrants(state, u);
    u.setPassword(password.get(), true, state.clock().nowMillis());
    if (firstTokenByAdmin) {
      SecureTokens.grant(state, state.user(creds.user()).orElseThrow(), SecureTokens.Placement.AT_END);
    }
    if (authorised || firstTokenByAdmin || firstByPassword) {
      SecureTokens.grant(state, u, firstByPassword ? SecureTokens.Placement.AFTER_SHADOW_HASH
          : SecureTokens.Placement.AT_END);
    }
  }

  void deleteUser(SysadminctlArgs a) {
    Optional<Account> found = state.user(a.target());
    if (found.isEmpty() || found.get().system()) {
      log.line("User " + a.target() + " not found"); // wording not captured (§1.5); chef matches /not found/
      return;
    }
    Account u = found.get();
    if (SecureTokens.lastAdmin(state, u) || SecureTokens.lastHolder(state, u)) {
      log.line(SysadminctlText.OWNER_CANNOT_BE_DELETED); // S20, rule 3
      return;
    }
    log.line("Killing all processes for UID " + u.uid());
    if (!a.flag("keepHome")) {
      log.line((a.flag("secure") ? "Securely removing " : "Removing ") + u.name() + "'s home at " + u.home());
    }
    log.line("Deleting Public share point for " + u.name());
    log.line("Deleting record for " + u.name());
    log.line("AOSKit INFO: Disabling BTMM for user, no zone found for uid=" + u.uid() + ", usersToZones: (null)");
    if (state.faults().noFullDiskAccess() && version.atLeast(15, 0)) {
      log.line(SysadminctlText.internalError(version, -14120, "DSRecord.m", 563)); // S18: home gone, record kept
      if (!a.flag("keepHome")) {
        state.files().delete(u.home());
      }
      return;
    }
    Users.delete(state, u, a.flag("keepHome"));
  }

  /** Rule 4: a token holder's password is reset only with a token holder's credentials (S11). */
  void resetPassword(SysadminctlArgs a) throws IOException {
    if (a.option("newPassword").isEmpty()) {
      SysadminctlText.printUsage(log, version);
      return;
    }
    boolean unlocked = creds.unlocksToken(state) && (ctx.isRoot() || creds.authenticatesAdmin(state));
    bannerUnlessAuthorised(unlocked);
    String newPassword = Credentials.value(a, "newPassword", ctx, log).orElseThrow();
    Optional<Account> found = state.user(a.target());
    if (found.isEmpty() || found.get().system()) {
      log.line("Unknown user " + a.target());
      return;
    }
    Account u = found.get();
    if (u.secureToken() && !unlocked) {
      log.line(SysadminctlText.NEEDS_TOKEN_UNLOCK);
      return;
    }
    u.setPassword(newPassword, true, state.clock().nowMillis());
    a.option("passwordHint").ifPresent(u::hint);
  }

  private Integer number(Optional<String> value) {
    try {
      return value.map(Integer::valueOf).orElse(null);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
