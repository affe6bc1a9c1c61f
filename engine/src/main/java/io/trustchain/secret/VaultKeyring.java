package io.trustchain.secret;

/**
 * Opens Ansible Vault envelopes ({@code $ANSIBLE_VAULT;1.1;AES256} and {@code 1.2} with a vault id)
 * with the same vault password files {@code ansible-vault} uses.
 */
public interface VaultKeyring {

  /**
   * The plaintext of {@code envelope}.
   *
   * @param origin where the envelope was found, for messages ({@code group_vars/all/vault.yml})
   * @throws SecretException no vault password is configured, or none opens it
   */
  byte[] decrypt(String envelope, String origin) throws SecretException;

  /**
   * Encrypts {@code plaintext} as {@code ansible-vault encrypt} would, with the password labelled
   * {@code vaultIdOrNull} (or the first one). Keyrings that only open envelopes say so.
   *
   * @throws SecretException no password is configured (or none has that label), or this keyring
   *     cannot encrypt
   */
  default String encrypt(byte[] plaintext, String vaultIdOrNull) throws SecretException {
    throw new SecretException("this vault keyring can only open vault values, not write them");
  }

  /** Whether any vault password is configured at all (validation reports vault values otherwise). */
  default boolean isConfigured() {
    return true;
  }

  static boolean isVault(String text) {
    return text.stripLeading().startsWith("$ANSIBLE_VAULT;");
  }
}
