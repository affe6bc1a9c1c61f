package io.trustchain.macos.platform;

import io.trustchain.facts.HostFacts;

/** The macOS version and hardware facts that change what the modules may do. */
public final class Platform {

  private Platform() {}

  /**
   * macOS 11 or later: {@code ;DisabledTags;SecureToken} is honoured and an escrowed Bootstrap Token
   * grants any user a Secure Token at login (macos-reference.md §7).
   */
  public static boolean bigSurOrLater(HostFacts facts) {
    return facts.os() != null && facts.os().atLeast(11, 0);
  }

  /** Apple silicon on macOS 11+, where volume ownership matters (macos-reference.md §8 rule 8). */
  public static boolean hasVolumeOwners(HostFacts facts) {
    return facts.os() != null && facts.os().appleSilicon() && facts.os().atLeast(11, 0);
  }

  /** {@code alice's}: for messages that name a user (no pronouns, the name says who). */
  public static String possessive(String name) {
    return name + "'s";
  }
}
