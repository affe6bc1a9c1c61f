package io.trustchain.macos.user;

import io.trustchain.secret.SecretRef;
import io.trustchain.spi.Sensitive;
import java.util.List;

/**
 * A password trustchain manages for the account (LAPS-style): given ({@code value: !secret …}) or generated
 * ({@code length}, {@code characters}), kept in the play's escrow store with its date, set through the
 * management credential ({@code sysadminctl -resetPasswordFor}), and rotated after {@code rotate_after_days},
 * when made before {@code rotate_if_created_before} (once that date has come on the Mac's clock), or on demand
 * ({@code --rotate HOST:USER}).
 *
 * @param value the password to keep the account at (its rotation is the document's business)
 * @param length of a generated password (default 24, 8 to 128)
 * @param characters classes a generated password draws from: upper, lower, digits, symbols (default the first
 *     three), one of each at least
 */
public record ManagedPasswordParams(@Sensitive SecretRef value, Integer length, List<String> characters,
    Integer rotateAfterDays, String rotateIfCreatedBefore) {

  static final int DEFAULT_LENGTH = 24;
  static final List<String> DEFAULT_CHARACTERS = List.of("upper", "lower", "digits");

  public ManagedPasswordParams {
    characters = characters == null ? null : List.copyOf(characters);
  }

  int lengthOrDefault() {
    return length == null ? DEFAULT_LENGTH : length;
  }

  List<String> charactersOrDefault() {
    return characters == null ? DEFAULT_CHARACTERS : characters;
  }

  boolean generated() {
    return value == null;
  }
}
