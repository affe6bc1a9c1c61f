package io.trustchain.inventory;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One hop of a {@code ProxyJump} chain: the target is reached through an SSH connection to this
 * host (sshj's direct-tcpip forwarding, as {@code ssh -J} does), with its own user, port and keys.
 *
 * @param privateKeyFile the hop's {@code IdentityFile} from {@code ~/.ssh/config}; empty: the
 *     default keys and the agent
 */
public record JumpHost(String address, int port, String user, Optional<Path> privateKeyFile) {

  public JumpHost {
    Objects.requireNonNull(address, "address == null");
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(privateKeyFile, "privateKeyFile == null");
  }

  @Override
  public String toString() {
    return user + "@" + address + ":" + port;
  }
}
