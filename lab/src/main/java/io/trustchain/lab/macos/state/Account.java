package io.trustchain.lab.macos.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A local user record ({@code /Users/NAME}). The Secure Token, the {@code ;DisabledTags;SecureToken}
 * opt-out and a disabled account are read from {@link #authenticationAuthority()}, as macOS shows them.
 * The password is kept only as a salted hash. When an out-of-band reset desynchronised the token
 * (rule 4), {@code tokenPassword} still holds the hash the token is wrapped with.
 */
public final class Account {

  private String name;
  private int uid;
  private int gid;
  private String realName;
  private String generatedUid;
  private String shell;
  private String home;
  private boolean hidden;
  private boolean system;
  private PasswordHash password;
  private PasswordHash tokenPassword;
  private String hint;
  private List<String> authenticationAuthority = new ArrayList<>();
  private Map<String, List<String>> attributes = new TreeMap<>();
  private boolean volumeOwner;
  private boolean mobile;
  private boolean managedAdmin;
  private long createdMillis;
  private long passwordSetMillis;

  private Account() {}

  public Account(String name, int uid, int gid, String realName, String generatedUid, String shell, String home) {
    this.name = Objects.requireNonNull(name, "name == null");
    this.uid = uid;
    this.gid = gid;
    this.realName = Objects.requireNonNull(realName, "realName == null");
    this.generatedUid = Objects.requireNonNull(generatedUid, "generatedUid == null");
    this.shell = shell;
    this.home = home;
  }

  public String name() {
    return name;
  }

  public int uid() {
    return uid;
  }

  public int gid() {
    return gid;
  }

  public String realName() {
    return realName;
  }

  public String generatedUid() {
    return generatedUid;
  }

  public String shell() {
    return shell;
  }

  public String home() {
    return home;
  }

  public boolean hidden() {
    return hidden;
  }

  public boolean system() {
    return system;
  }

  public String hint() {
    return hint;
  }

  public boolean mobile() {
    return mobile;
  }

  public boolean managedAdmin() {
    return managedAdmin;
  }

  public boolean volumeOwner() {
    return volumeOwner;
  }

  public long createdMillis() {
    return createdMillis;
  }

  public long passwordSetMillis() {
    return passwordSetMillis;
  }

  /** The values in the order {@code dscl} prints them. */
  public List<String> authenticationAuthority() {
    return authenticationAuthority;
  }

  /** Other attributes written with {@code dscl -create/-append}, by name. */
  public Map<String, List<String>> attributes() {
    return attributes;
  }

  public boolean secureToken() {
    return authenticationAuthority.contains(AuthAuthority.SECURE_TOKEN);
  }

  public boolean secureTokenDisabledTag() {
    return authenticationAuthority.contains(AuthAuthority.DISABLED_TAGS_SECURE_TOKEN);
  }

  public boolean disabled() {
    return authenticationAuthority.stream().anyMatch(AuthAuthority::isDisabledUser);
  }

  public boolean hasPassword() {
    return password != null;
  }

  /** Whether {@code candidate} is the account's (Open Directory) password. */
  public boolean passwordMatches(String candidate) {
    return password != null && password.matches(candidate);
  }

  /** Whether {@code candidate} unlocks the account's Secure Token (differs after an out-of-band reset). */
  public boolean tokenPasswordMatches(String candidate) {
    return tokenPassword != null ? tokenPassword.matches(candidate) : passwordMatches(candidate);
  }

  /** Whether the token is still wrapped with an older password than the login password (rule 4). */
  public boolean tokenDesynchronised() {
    return tokenPassword != null;
  }

  /**
   * Sets the password. {@code updatesToken}: the change went through a path that re-wraps the Secure
   * Token (a change with the old password, a reset authorised by a token holder); otherwise a token
   * holder's token stays wrapped with the old password.
   */
  public void setPassword(String newPassword, boolean updatesToken, long nowMillis) {
    PasswordHash old = password;
    password = newPassword == null ? null : PasswordHash.of(newPassword);
    passwordSetMillis = nowMillis;
    if (updatesToken || !secureToken()) {
      tokenPassword = null;
    } else if (tokenPassword == null) {
      tokenPassword = old;
    }
    if (password != null && !authenticationAuthority.contains(AuthAuthority.SHADOW_HASH)) {
      authenticationAuthority.add(0, AuthAuthority.SHADOW_HASH);
    }
  }

  public void realName(String value) {
    this.realName = value;
  }

  public void shell(String value) {
    this.shell = value;
  }

  public void home(String value) {
    this.home = value;
  }

  public void uid(int value) {
    this.uid = value;
  }

  public void gid(int value) {
    this.gid = value;
  }

  public void generatedUid(String value) {
    this.generatedUid = value;
  }

  public void hidden(boolean value) {
    this.hidden = value;
  }

  public void system(boolean value) {
    this.system = value;
  }

  public void hint(String value) {
    this.hint = value;
  }

  public void mobile(boolean value) {
    this.mobile = value;
  }

  public void managedAdmin(boolean value) {
    this.managedAdmin = value;
  }

  public void volumeOwner(boolean value) {
    this.volumeOwner = value;
  }

  public void created(long millis) {
    this.createdMillis = millis;
  }

  @Override
  public String toString() {
    return name + " (uid " + uid + (secureToken() ? ", token" : "") + ")";
  }
}
