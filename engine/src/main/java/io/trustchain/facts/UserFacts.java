package io.trustchain.facts;

import java.util.List;
import java.util.Objects;

/**
 * One account as the Mac reports it.
 *
 * @param secureToken from {@code sysadminctl -secureTokenStatus} (its stderr line)
 * @param secureTokenDisabledTag whether {@code AuthenticationAuthority} holds
 *     {@code ;DisabledTags;SecureToken}
 * @param volumeOwner from {@code diskutil apfs listCryptoUsers /}; null where macOS does not report
 *     ownership (Intel, or before macOS 11)
 * @param disabled whether {@code AuthenticationAuthority} holds {@code ;DisabledUser;}
 * @param passwordAuthenticates result of {@code dscl . -authonly} with the password the documents
 *     give for this account; null when no password was checked
 */
public record UserFacts(
    String name,
    int uid,
    String realName,
    String generatedUid,
    boolean admin,
    boolean secureToken,
    boolean secureTokenDisabledTag,
    Boolean volumeOwner,
    String shell,
    String home,
    boolean hidden,
    boolean disabled,
    List<String> authenticationAuthority,
    Boolean passwordAuthenticates) {

  public UserFacts {
    Objects.requireNonNull(name, "name == null");
    authenticationAuthority = authenticationAuthority == null ? List.of() : List.copyOf(authenticationAuthority);
  }

  public UserFacts withSecureToken(boolean token) {
    return new UserFacts(name, uid, realName, generatedUid, admin, token, secureTokenDisabledTag,
        volumeOwner == null ? null : token || volumeOwner, shell, home, hidden, disabled,
        authenticationAuthority, passwordAuthenticates);
  }

  public UserFacts withAdmin(boolean isAdmin) {
    return new UserFacts(name, uid, realName, generatedUid, isAdmin, secureToken, secureTokenDisabledTag,
        volumeOwner, shell, home, hidden, disabled, authenticationAuthority, passwordAuthenticates);
  }
}
