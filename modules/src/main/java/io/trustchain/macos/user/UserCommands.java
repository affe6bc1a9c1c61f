package io.trustchain.macos.user;

import io.trustchain.spi.Credential;
import io.trustchain.secret.SecretRef;
import io.trustchain.facts.PasswordCheck;
import io.trustchain.macos.passwords.Sysadminctl;
import io.trustchain.transport.Command;

/**
 * The command lines of the user module (macos-reference.md §1, §5). Passwords are secret
 * references fed on stdin to the tools' prompts (io.trustchain.macos.passwords): never on a command line.
 */
final class UserCommands {

  /** Apple's documented marker that stops macOS from granting a Secure Token (S69). */
  static final String DISABLED_TAGS = ";DisabledTags;SecureToken";

  private UserCommands() {}

  /**
   * {@code sysadminctl -addUser NAME [-fullName F] [-UID U] [-shell S] [-password -] [-admin]
   * [-adminUser CRED -adminPassword -]}, the passwords answered on stdin ({@link Sysadminctl}). With a
   * token-holding admin's credentials and a password, macOS gives the new user a Secure Token at creation (S6,
   * S12).
   */
  static Command addUser(UserParams p, SecretRef password, Credential credential) {
    Sysadminctl c = Sysadminctl.call("-addUser", p.name());
    if (p.fullName() != null) {
      c.with("-fullName", p.fullName());
    }
    if (p.uid() != null) {
      c.with("-UID", p.uid().toString());
    }
    if (p.shell() != null) {
      c.with("-shell", p.shell());
    }
    if (password != null) {
      c.password("-password", password);
    }
    if (Boolean.TRUE.equals(p.admin())) {
      c.with("-admin");
    }
    return credential == null ? c.command() : c.admin(credential).command();
  }

  /** {@code sysadminctl -deleteUser NAME -keepHome|-secure -adminUser CRED -adminPassword -}. */
  static Command deleteUser(String name, boolean removeHome, Credential credential) {
    return Sysadminctl.call("-deleteUser", name).with(removeHome ? "-secure" : "-keepHome").admin(credential)
        .command();
  }

  static Command secureTokenOn(String name, SecretRef password, Credential credential) {
    return Sysadminctl.call("-secureTokenOn", name).password("-password", password).admin(credential).command();
  }

  static Command secureTokenOff(String name, SecretRef password, Credential credential) {
    return Sysadminctl.call("-secureTokenOff", name).password("-password", password).admin(credential).command();
  }

  /**
   * {@code name}'s password checked on the Mac before it is used ({@link PasswordCheck}): a wrong one stops the
   * change before anything changes.
   */
  static Command checkPassword(String name, SecretRef password) {
    return PasswordCheck.verify(name, password);
  }

  static Command appendDisabledTags(String name) {
    return Command.of("dscl", ".", "-append", "/Users/" + name, "AuthenticationAuthority", DISABLED_TAGS);
  }

  static Command deleteDisabledTags(String name) {
    return Command.of("dscl", ".", "-delete", "/Users/" + name, "AuthenticationAuthority", DISABLED_TAGS);
  }

  /**
   * Sets a new account's first password as root, the password on stdin (Open Directory through osascript,
   * {@link PasswordCheck#set}; {@code dscl . -passwd /Users/NAME PASSWORD} would show it).
   */
  static Command setPassword(String name, SecretRef password) {
    return PasswordCheck.set(name, password);
  }

  /** {@code dscl . -create /Users/NAME KEY VALUE}: RealName, UserShell, IsHidden. */
  static Command setAttribute(String name, String key, String value) {
    return Command.of("dscl", ".", "-create", "/Users/" + name, key, value);
  }

  static Command setHidden(String name, boolean hidden) {
    return setAttribute(name, "IsHidden", hidden ? "1" : "0");
  }

  static Command addAdmin(String name) {
    return Command.of("dseditgroup", "-o", "edit", "-a", name, "-t", "user", "admin");
  }

  static Command removeAdmin(String name) {
    return Command.of("dseditgroup", "-o", "edit", "-d", name, "-t", "user", "admin");
  }

}
