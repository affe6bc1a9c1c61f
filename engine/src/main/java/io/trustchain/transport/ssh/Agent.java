package io.trustchain.transport.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.UnixDomainSocketFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys ssh-agent holds, through JSch's agent client (mwiede/jsch: the agent protocol over the
 * JDK's Unix domain sockets), each ready to sign for sshj ({@link AgentKeyAuth}).
 */
final class Agent {

  /** The agent's keys, or why there are none. */
  record Keys(List<AgentKeyAuth> keys, String problem) {}

  private Agent() {}

  static Keys keys(Path socket) {
    if (!java.nio.file.Files.exists(socket)) {
      return new Keys(List.of(), "SSH_AUTH_SOCK names " + socket + ", which does not exist (is ssh-agent running?)");
    }
    try {
      SSHAgentConnector connector = new SSHAgentConnector(new UnixDomainSocketFactory(), socket);
      List<AgentKeyAuth> out = new ArrayList<>();
      for (Identity identity : new AgentIdentityRepository(connector).getIdentities()) {
        out.add(new AgentKeyAuth(identity));
      }
      return new Keys(out, out.isEmpty() ? "ssh-agent at " + socket + " holds no key (ssh-add KEY adds one)" : null);
    } catch (AgentProxyException | RuntimeException e) {
      return new Keys(List.of(), "cannot use ssh-agent at " + socket + " (SSH_AUTH_SOCK): " + e.getMessage());
    }
  }
}
