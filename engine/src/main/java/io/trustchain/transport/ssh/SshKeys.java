package io.trustchain.transport.ssh;

import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.secret.SecretException;
import io.trustchain.secret.SecretResolver;
import io.trustchain.transport.TransportException;
import io.trustchain.transport.TransportException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * Logs in with keys, in OpenSSH's order: the agent's keys first (with an explicit key file, only
 * the agent's copy of that key, so a full agent cannot exhaust the server's MaxAuthTries), then the
 * key files the agent does not hold. An encrypted key file is opened only when it is its turn, with
 * {@code trustchain_private_key_passphrase} or by asking the person at the terminal; without
 * either, the error says how to provide one.
 */
final class SshKeys {

  private SshKeys() {}

  static void authenticate(SSHClient client, ConnectionSpec spec, SshAuth auth, SecretResolver secrets, KeyPairs keyPairs)
      throws TransportException {
    String where = HostKeyMessages.where(spec);
    boolean explicit = spec.privateKeyFile().isPresent();
    List<Path> files = KeyFiles.candidates(spec.privateKeyFile(), auth.home());
    if (explicit && !Files.isReadable(files.get(0))) {
      throw new TransportException(Kind.AUTH, where + ": cannot read private key " + files.get(0)
          + " (missing or not readable)");
    }
    List<AuthMethod> methods = new ArrayList<>();
    List<String> offered = new ArrayList<>();
    List<String> notes = new CopyOnWriteArrayList<>();
    List<Path> inAgent = new ArrayList<>();
    if (auth.agentSocket().isPresent()) {
      Agent.Keys agent = Agent.keys(auth.agentSocket().get());
      if (agent.problem() != null) {
        notes.add(agent.problem());
      }
      List<AgentKeyAuth> others = new ArrayList<>();
      for (AgentKeyAuth key : agent.keys()) {
        Optional<Path> file = files.stream().filter(f -> KeyFiles.publicBlob(f)
            .map(b -> Arrays.equals(b, key.publicKeyBlob())).orElse(false)).findFirst();
        if (file.isPresent()) {
          methods.add(key);
          offered.add(file.get() + " (in ssh-agent)");
          inAgent.add(file.get());
        } else {
          others.add(key);
        }
      }
      if (!explicit) {
        others.forEach(k -> {
          methods.add(k);
          offered.add(k.describe());
        });
      }
    }
    for (Path file : files) {
      if (inAgent.contains(file)) {
        continue;
      }
      Optional<KeyProvider> known = keyPairs.get(file);
      if (known.isPresent()) {
        methods.add(new AuthPublickey(known.get()));
        offered.add(file.toString());
        continue;
      }
      Optional<BasicFileAttributes> before = KeyPairs.stat(file);
      try {
        Passphrase passphrase = new Passphrase(file, spec, auth, secrets, notes);
        Consumer<KeyPair> keep = pair -> before.ifPresent(a -> keyPairs.opened(file, a.lastModifiedTime(), a.size(), pair));
        methods.add(new AuthPublickey(new Opened(client.loadKeys(file.toString(), passphrase), file, passphrase, notes,
            keep)));
        offered.add(file.toString());
      } catch (IOException e) {
        notes.add("cannot load private key " + file + ": " + e.getMessage());
      }
    }
    if (methods.isEmpty()) {
      throw new TransportException(Kind.AUTH, where + ": no private key to log in as " + spec.user() + ": none of "
          + KeyFiles.defaults(auth.home()) + " exists and no ssh-agent key is available"
          + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")")
          + "; set ansible_ssh_private_key_file (or --private-key), or add a key to ssh-agent");
    }
    try {
      client.auth(spec.user(), methods);
    } catch (UserAuthException e) {
      throw new TransportException(Kind.AUTH, where + ": " + spec.user() + " was refused key authentication with "
          + String.join(", ", offered)
          + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")")
          + "; check the user name, the key and the host's authorized_keys", e);
    } catch (IOException e) {
      throw SshjConnect.unreachable(spec, e);
    } catch (IllegalStateException e) {
      // sshj's "Not connected": the host closed the connection between the handshake and the login (a drop)
      throw SshjConnect.unreachable(spec, new IOException("the host closed the connection before the login"));
    }
    if (!client.isAuthenticated()) {
      throw new TransportException(Kind.AUTH, where + ": " + spec.user() + " could not authenticate with " + offered);
    }
  }

  /** An encrypted key's passphrase: the inventory's typed secret, else the person at the terminal. */
  private static final class Passphrase implements PasswordFinder {
    private final Path file;
    private final ConnectionSpec spec;
    private final SshAuth auth;
    private final SecretResolver secrets;
    private final List<String> notes;
    private volatile String source;

    Passphrase(Path file, ConnectionSpec spec, SshAuth auth, SecretResolver secrets, List<String> notes) {
      this.file = file;
      this.spec = spec;
      this.auth = auth;
      this.secrets = secrets;
      this.notes = notes;
    }

    @Override
    public char[] reqPassword(Resource<?> resource) {
      if (spec.keyPassphrase().isPresent()) {
        try {
          char[] value = secrets.resolve(spec.keyPassphrase().get()).reveal();
          source = "the passphrase from trustchain_private_key_passphrase";
          return value;
        } catch (SecretException e) {
          notes.add("trustchain_private_key_passphrase: " + e.getMessage());
          return null;
        }
      }
      Optional<char[]> asked = auth.prompt().ask(file);
      if (asked.isEmpty()) {
        notes.add(file + " is encrypted and nobody can type its passphrase here: add it to ssh-agent (ssh-add "
            + file + "), or set trustchain_private_key_passphrase to a secret (!secret or !vault)");
        return null;
      }
      source = "the passphrase typed";
      return asked.get();
    }

    @Override
    public boolean shouldRetry(Resource<?> resource) {
      return false;
    }
  }

  /** A key file whose opening failures become notes that name the cause (a wrong passphrase). */
  private record Opened(KeyProvider keys, Path file, Passphrase passphrase, List<String> notes, Consumer<KeyPair> keep)
      implements KeyProvider {

    @Override
    public java.security.PrivateKey getPrivate() throws IOException {
      try {
        java.security.PrivateKey key = keys.getPrivate();
        if (passphrase.source == null) { // an encrypted key is opened host by host, with each host's passphrase
          keep.accept(new KeyPair(keys.getPublic(), key));
        }
        return key;
      } catch (IOException | RuntimeException e) {
        throw noted(e);
      }
    }

    @Override
    public java.security.PublicKey getPublic() throws IOException {
      try {
        return keys.getPublic();
      } catch (IOException | RuntimeException e) {
        throw noted(e);
      }
    }

    @Override
    public net.schmizz.sshj.common.KeyType getType() throws IOException {
      try {
        return keys.getType();
      } catch (IOException | RuntimeException e) {
        throw noted(e);
      }
    }

    private IOException noted(Exception e) {
      String note = passphrase.source != null ? passphrase.source + " did not open " + file
          : "cannot open private key " + file + ": " + e.getMessage();
      if (!notes.contains(note) && (passphrase.source != null || notes.stream().noneMatch(n -> n.startsWith(file + " is encrypted")))) {
        notes.add(note);
      }
      return e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
  }
}
