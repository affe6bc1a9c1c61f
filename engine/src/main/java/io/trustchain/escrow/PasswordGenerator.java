package io.trustchain.escrow;

import io.trustchain.secret.Secret;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Managed passwords made by trustchain: {@link SecureRandom}, at least one character of each class asked for,
 * the rest drawn from all of them, shuffled. Symbols are those a shell, a plist and a YAML file carry without
 * quoting trouble. Look-alike characters (0/O, 1/l/I) are left out, since people read these aloud.
 */
public final class PasswordGenerator {

  static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  static final String DIGITS = "23456789";
  static final String SYMBOLS = "-_.,:+=@%^*()[]{}~";

  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordGenerator() {}

  /** {@code length} characters from {@code classes} (upper, lower, digits, symbols), one of each at least. */
  public static Secret generate(int length, List<String> classes) {
    List<String> alphabets = classes.stream().map(PasswordGenerator::alphabet).toList();
    String all = String.join("", alphabets);
    List<Character> chars = new ArrayList<>();
    for (String a : alphabets) {
      chars.add(a.charAt(RANDOM.nextInt(a.length())));
    }
    while (chars.size() < length) {
      chars.add(all.charAt(RANDOM.nextInt(all.length())));
    }
    Collections.shuffle(chars, RANDOM);
    char[] value = new char[chars.size()];
    for (int i = 0; i < value.length; i++) {
      value[i] = chars.get(i);
    }
    try {
      return Secret.of(value);
    } finally {
      java.util.Arrays.fill(value, '\0');
    }
  }

  static String alphabet(String characterClass) {
    return switch (characterClass) {
      case "upper" -> UPPER;
      case "lower" -> LOWER;
      case "digits" -> DIGITS;
      case "symbols" -> SYMBOLS;
      default -> throw new IllegalArgumentException("no character class " + characterClass);
    };
  }
}
