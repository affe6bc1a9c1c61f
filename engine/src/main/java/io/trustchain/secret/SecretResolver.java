package io.trustchain.secret;

/** Turns a reference into its value, at the last moment. Implementations cache per run. */
public interface SecretResolver {

  /**
   * @throws SecretException when the value cannot be had; its message names the reference
   *     ({@link SecretRef#describe()}) and what to do, never a value.
   */
  Secret resolve(SecretRef ref) throws SecretException;
}
