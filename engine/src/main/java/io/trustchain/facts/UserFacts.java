package io.trustchain.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;

/**
 * One account as the Mac reports it. A field is null when the Mac's output did not give it (and, for
 * {@code volumeOwner} and {@code passwordAuthenticates}, where macOS does not report it or nothing
 * was checked); reading a field that was not understood throws {@link NotUnderstoodException}
 * (fact path {@code users[NAME].FIELD}). The name is always known.
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
    Integer uid,
    String realName,
    String generatedUid,
    Boolean admin,
    Boolean secureToken,
    Boolean secureTokenDisabledTag,
    Boolean volumeOwner,
    String shell,
    String home,
    Boolean hidden,
    Boolean disabled,
    List<String> authenticationAuthority,
    Boolean passwordAuthenticates,
    @JsonIgnore Unknowns unknowns) {

  public UserFacts {
    Objects.requireNonNull(name, "name == null");
    authenticationAuthority = authenticationAuthority == null ? List.of() : List.copyOf(authenticationAuthority);
    unknowns = unknowns == null ? Unknowns.NONE : unknowns.at(FactPaths.user(name));
  }

  /** A fully understood account. */
  public UserFacts(String name, Integer uid, String realName, String generatedUid, Boolean admin, Boolean secureToken,
      Boolean secureTokenDisabledTag, Boolean volumeOwner, String shell, String home, Boolean hidden, Boolean disabled,
      List<String> authenticationAuthority, Boolean passwordAuthenticates) {
    this(name, uid, realName, generatedUid, admin, secureToken, secureTokenDisabledTag, volumeOwner, shell, home,
        hidden, disabled, authenticationAuthority, passwordAuthenticates, Unknowns.NONE);
  }

  @Override
  public Integer uid() {
    unknowns.check("uid");
    return uid;
  }

  @Override
  public String realName() {
    unknowns.check("real_name");
    return realName;
  }

  @Override
  public String generatedUid() {
    unknowns.check("generated_uid");
    return generatedUid;
  }

  /** This record seeing the host's not-understood entries (facts package only: the assembler). */
  UserFacts attach(Unknowns host) {
    return new UserFacts(name, uid, realName, generatedUid, admin, secureToken, secureTokenDisabledTag, volumeOwner,
        shell, home, hidden, disabled, authenticationAuthority, passwordAuthenticates, host);
  }

  /** The GeneratedUID as printed, for matching listing rows inside the facts package (no decision). */
  String generatedUidAsRead() {
    return generatedUid;
  }

  @Override
  public Boolean admin() {
    unknowns.check("admin");
    return admin;
  }

  @Override
  public Boolean secureToken() {
    unknowns.check("secure_token");
    return secureToken;
  }

  @Override
  public Boolean secureTokenDisabledTag() {
    unknowns.check("secure_token_disabled_tag");
    return secureTokenDisabledTag;
  }

  @Override
  public Boolean volumeOwner() {
    unknowns.check("volume_owner");
    return volumeOwner;
  }

  @Override
  public String shell() {
    unknowns.check("shell");
    return shell;
  }

  @Override
  public String home() {
    unknowns.check("home");
    return home;
  }

  @Override
  public Boolean hidden() {
    unknowns.check("hidden");
    return hidden;
  }

  @Override
  public Boolean disabled() {
    unknowns.check("disabled");
    return disabled;
  }

  @Override
  public List<String> authenticationAuthority() {
    unknowns.check("authentication_authority");
    return authenticationAuthority;
  }

  @Override
  public Boolean passwordAuthenticates() {
    unknowns.check("password_authenticates");
    return passwordAuthenticates;
  }

  /** This account with its token as given (now known) and, where macOS reports it, volume ownership with it. */
  public UserFacts withSecureToken(boolean token) {
    Unknowns known = unknowns.without(FactPaths.user(name, "secure_token"));
    return new UserFacts(name, uid, realName, generatedUid, admin, token, secureTokenDisabledTag,
        volumeOwner == null ? null : token || volumeOwner,
        shell, home, hidden, disabled, authenticationAuthority, passwordAuthenticates, known);
  }

  public UserFacts withAdmin(boolean isAdmin) {
    return new UserFacts(name, uid, realName, generatedUid, isAdmin, secureToken, secureTokenDisabledTag,
        volumeOwner, shell, home, hidden, disabled, authenticationAuthority, passwordAuthenticates,
        unknowns.without(FactPaths.user(name, "admin")));
  }
}
