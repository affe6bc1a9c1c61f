package io.trustchain.macos.user;

import io.trustchain.spi.Credential;
import io.trustchain.secret.SecretRef;
import io.trustchain.transport.Command;

/**
 * The command lines of the user module (macos-reference.md §1, §5). Passwords are secret
 * references: the transport feeds them through stdin, never in the command string.
 */
final class UserCommands {

  /** Apple's documented marker that stops macOS from granting a Secure Token (S69). */
  static final String DISABLED_TAGS = ";DisabledTags;SecureToken";

  private UserCommands() {}

  /**
   * {@code sysadminctl -addUser NAME [-fullName F] [-UID U] [-shell S] [-password (secret)] [-admin]
   * [-adminUser CRED -adminPassword (secret)]}. With a token-holding admin's credentials and a
   * password, macOS gives the new user a Secure Token at creation (S6, S12).
   */
  static Command addUser(UserParams p, SecretRef password, Credential credential) {
    Command c = Command.of("sysadminctl", "-addUser", p.name());
    if (p.fullName() != null) {
      c = c.with("-fullName", p.fullName());
    }
    if (p.uid() != null) {
      c = c.with("-UID", p.uid().toString());
    }
    if (p.shell() != null) {
      c = c.with("-shell", p.shell());
    }
    if (password != null) {
      c = c.with("-password").withSecret(password);
    }
    if (Boolean.TRUE.equals(p.admin())) {
      c = c.with("-admin");
    }
    return credential == null ? c : withAdmin(c, credential);
  }

  /** {@code sysadminctl -deleteUser NAME -keepHome|-secure -adminUser CRED -adminPassword (secret)}. */
  static Command deleteUser(String name, boolean removeHome, Credential credential) {
    return withAdmin(Command.of("sysadminctl", "-deleteUser", name, removeHome ? "-secure" : "-keepHome"), credential);
  }

  static Command secureTokenOn(String name, SecretRef password, Credential credential) {
    return withAdmin(Command.of("sysadminctl", "-secureTokenOn", name, "-password").withSecret(password), credential);
  }

  static Command secureTokenOff(String name, SecretRef password, Credential credential) {
    return withAdmin(Command.of("sysadminctl", "-secureTokenOff", name, "-password").withSecret(password), credential);
  }

  static Command appendDisabledTags(String name) {
    return Command.of("dscl", ".", "-append", "/Users/" + name, "AuthenticationAuthority", DISABLED_TAGS);
  }

  static Command deleteDisabledTags(String name) {
    return Command.of("dscl", ".", "-delete", "/Users/" + name, "AuthenticationAuthority", DISABLED_TAGS);
  }

  /** {@code dscl . -passwd /Users/NAME (secret)}: root sets a password without the old one. */
  static Command setPassword(String name, SecretRef password) {
    return Command.of("dscl", ".", "-passwd", "/Users/" + name).withSecret(password);
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

  private static Command withAdmin(Command c, Credential credential) {
    return c.with("-adminUser", credential.user(), "-adminPassword").withSecret(credential.password());
  }
}
