package io.trustchain.macos.user;

import io.trustchain.secret.SecretRef;
import io.trustchain.spi.Required;
import io.trustchain.spi.Sensitive;
import java.util.Objects;

/**
 * The {@code user} resource: a local account. Null components are not managed (left as the Mac has
 * them).
 *
 * @param name the short name ({@code RecordName})
 * @param state {@code present} (default) or {@code absent}
 * @param fullName {@code RealName}
 * @param admin member of the {@code admin} group
 * @param hidden hidden from the login window ({@code IsHidden})
 * @param shell {@code UserShell}, an absolute path
 * @param uid {@code UniqueID}: set at creation; an existing account is never renumbered
 * @param password the initial password (set only at creation); for an existing user it is used only
 *     to grant or revoke the Secure Token, and checked with {@code dscl . -authonly}
 * @param secureToken whether the user must (true) or must not (false) hold a Secure Token
 * @param removeHome with {@code state: absent}: erase the home folder too (default false: kept)
 * @param managedPassword a password trustchain keeps, escrows and rotates (LAPS-style); not with {@code password}
 */
public record UserParams(
    @Required String name,
    State state,
    String fullName,
    Boolean admin,
    Boolean hidden,
    String shell,
    Integer uid,
    @Sensitive SecretRef password,
    Boolean secureToken,
    Boolean removeHome,
    ManagedPasswordParams managedPassword) {

  /** {@code present} or {@code absent} in YAML. */
  public enum State {
    PRESENT,
    ABSENT;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public UserParams {
    Objects.requireNonNull(name, "name == null");
    state = state == null ? State.PRESENT : state;
    removeHome = removeHome == null ? Boolean.FALSE : removeHome;
  }

  public UserParams(String name, State state, String fullName, Boolean admin, Boolean hidden, String shell, Integer uid,
      SecretRef password, Boolean secureToken, Boolean removeHome) {
    this(name, state, fullName, admin, hidden, shell, uid, password, secureToken, removeHome, null);
  }

  /** These params with {@code ref} as the password (a managed password, read from escrow). */
  UserParams withPassword(SecretRef ref) {
    return new UserParams(name, state, fullName, admin, hidden, shell, uid, ref, secureToken, removeHome,
        managedPassword);
  }

  /** A user that must exist, nothing else managed. */
  public static UserParams present(String name) {
    return new UserParams(name, State.PRESENT, null, null, null, null, null, null, null, null);
  }

  /** A user that must not exist (home folder kept). */
  public static UserParams absent(String name) {
    return new UserParams(name, State.ABSENT, null, null, null, null, null, null, null, null);
  }

  boolean isAbsent() {
    return state == State.ABSENT;
  }
}
