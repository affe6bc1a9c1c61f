package io.trustchain.facts;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The accounts whose passwords trustchain manages (LAPS-style) on one host: their escrow items are read, and the
 * escrowed passwords checked on the Mac in the facts exec (the password on stdin, from escrow), so a plan knows
 * whether the Mac still accepts them. {@code rotate} names those rotated on demand ({@code --rotate HOST:USER}).
 *
 * @param host the host whose escrow the checks read (set when the run binds the host's store)
 * @param rotateBefore when the run asking for {@code rotate} began (the controller's clock): a password escrowed
 *     before it is due; one escrowed since (this run's own rotation, seen again by verify) is not
 */
public record ManagedPasswords(Set<String> users, Set<String> rotate, String host, java.time.Instant rotateBefore) {

  public static final ManagedPasswords NONE = new ManagedPasswords(Set.of(), Set.of(), null, null);

  public ManagedPasswords {
    users = Set.copyOf(new TreeSet<>(users));
    rotate = Set.copyOf(new TreeSet<>(rotate));
  }

  /** Whether {@code user}'s password, escrowed at {@code escrowedAt} (ISO instant or null), is to be rotated now. */
  boolean rotationRequested(String user, String escrowedAt) {
    if (!rotate.contains(user)) {
      return false;
    }
    if (rotateBefore == null || escrowedAt == null) {
      return true;
    }
    try {
      return java.time.Instant.parse(escrowedAt).isBefore(rotateBefore);
    } catch (java.time.format.DateTimeParseException e) {
      return true;
    }
  }

  /** The escrow item of {@code user}'s current managed password: {@code password_alice}. */
  public static String current(String user) {
    return "password_" + slug(user);
  }

  /** The escrow item of a new password kept before the Mac changes: {@code pending_password_alice}. */
  public static String pending(String user) {
    return "pending_" + current(user);
  }

  /** Lowercase letters, digits and _ (escrow items' alphabet); other characters become their code point. */
  static String slug(String user) {
    StringBuilder b = new StringBuilder();
    for (char c : user.toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        b.append(c);
      } else if (c >= 'A' && c <= 'Z') {
        b.append('_').append(Character.toLowerCase(c));
      } else {
        b.append('_').append(Integer.toHexString(c).toLowerCase(Locale.ROOT)).append('_');
      }
    }
    return b.toString();
  }

  ManagedPasswords merge(ManagedPasswords other) {
    Set<String> u = new TreeSet<>(users);
    u.addAll(other.users);
    Set<String> r = new TreeSet<>(rotate);
    r.addAll(other.rotate);
    return new ManagedPasswords(u, r, host != null ? host : other.host,
        rotateBefore != null ? rotateBefore : other.rotateBefore);
  }

  /** Every escrow item these accounts use. */
  Set<String> items() {
    Set<String> items = new TreeSet<>();
    users.forEach(u -> {
      items.add(current(u));
      items.add(pending(u));
    });
    return items;
  }
}
