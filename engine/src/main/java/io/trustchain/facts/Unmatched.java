package io.trustchain.facts;

import java.util.Objects;

/**
 * A row of a listing that names no local account trustchain read (a FileVault user, a crypto user,
 * an admin group member): reported as it is, never taken for a user.
 *
 * @param section {@code filevault} or {@code users}
 * @param command the listing, as shown to people
 * @param entry the row as printed
 * @param reason why it matches no account
 */
public record Unmatched(String section, String command, String entry, String reason) {

  public Unmatched {
    Objects.requireNonNull(section, "section == null");
    Objects.requireNonNull(command, "command == null");
    Objects.requireNonNull(entry, "entry == null");
    Objects.requireNonNull(reason, "reason == null");
  }

  @Override
  public String toString() {
    return command + ": \"" + entry + "\" " + reason;
  }
}
