package io.trustchain.escrow;

import io.trustchain.secret.Secret;
import io.trustchain.secret.SecretException;
import io.trustchain.secret.SecretRef;
import io.trustchain.secret.SecretResolver;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves {@code escrow:HOST/ITEM} secrets ({@link SecretRef.Escrow}) from each host's escrow store, so a value
 * trustchain keeps in escrow (a managed password) reaches a Mac the way every secret does: read at the moment
 * an exec writes its stdin, never held in the plan. A run registers each host's store as it gathers its facts.
 */
public final class EscrowSecrets implements SecretResolver {

  private final Map<String, EscrowStore> stores = new ConcurrentHashMap<>();

  /** {@code host}'s items live in {@code store} (a null store is ignored). */
  public void register(String host, EscrowStore store) {
    if (store != null) {
      stores.put(Objects.requireNonNull(host, "host == null"), store);
    }
  }

  /** The reference to {@code item} of {@code host}. */
  public static SecretRef ref(String host, String item) {
    EscrowKeys.check(host, item);
    return new SecretRef.Escrow(host + "/" + item);
  }

  @Override
  public Secret resolve(SecretRef ref) throws SecretException {
    if (!(ref instanceof SecretRef.Escrow e)) {
      throw new SecretException("secret " + ref.describe() + " is not an escrow reference");
    }
    int slash = e.key().indexOf('/');
    if (slash <= 0 || slash == e.key().length() - 1) {
      throw new SecretException("secret " + ref.describe() + " does not name HOST/ITEM");
    }
    String host = e.key().substring(0, slash);
    String item = e.key().substring(slash + 1);
    EscrowStore store = stores.get(host);
    if (store == null) {
      throw new SecretException("secret " + ref.describe() + ": no escrow store is known for " + host);
    }
    try {
      return store.get(host, item).map(EscrowEntry::value).orElseThrow(() ->
          new SecretException("secret " + ref.describe() + " is not in the " + store.describe()));
    } catch (EscrowException x) {
      throw new SecretException("secret " + ref.describe() + ": " + x.getMessage());
    }
  }
}
