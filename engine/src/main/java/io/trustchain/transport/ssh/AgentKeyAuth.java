package io.trustchain.transport.ssh;

import com.jcraft.jsch.Identity;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/**
 * sshj's {@code publickey} authentication (RFC 4252 §7) with a key that stays in ssh-agent: the
 * request names the agent's public key; once the server accepts it ({@code SSH_MSG_USERAUTH_PK_OK}),
 * the agent signs the session identifier and request, and the signature is sent. RSA keys sign
 * with {@code rsa-sha2-512} (OpenSSH refuses SHA-1 {@code ssh-rsa} signatures by default).
 */
final class AgentKeyAuth extends AbstractAuthMethod {

  private final Identity identity;
  private final String algorithm;

  AgentKeyAuth(Identity identity) {
    super("publickey");
    this.identity = identity;
    this.algorithm = "ssh-rsa".equals(identity.getAlgName()) ? "rsa-sha2-512" : identity.getAlgName();
  }

  @Override
  protected SSHPacket buildReq() throws UserAuthException {
    return request(false);
  }

  @Override
  public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
    if (cmd != Message.USERAUTH_60) {
      super.handle(cmd, buf);
      return;
    }
    SSHPacket signed = request(true);
    byte[] data = new Buffer.PlainBuffer()
        .putString(params.getTransport().getSessionID())
        .putBuffer(signed)
        .getCompactData();
    byte[] signature = identity.getSignature(data, algorithm);
    if (signature == null) {
      throw new UserAuthException("ssh-agent did not sign with " + describe() + " (is the key confirmation-only or "
          + "locked? try ssh-add -l)");
    }
    params.getTransport().write(signed.putString(signature));
  }

  private SSHPacket request(boolean withSignature) throws UserAuthException {
    SSHPacket p = super.buildReq();
    p.putBoolean(withSignature).putString(algorithm).putString(identity.getPublicKeyBlob());
    return p;
  }

  String describe() {
    String comment = identity.getName();
    return "the agent's " + identity.getAlgName() + " key" + (comment == null || comment.isBlank() ? "" : " " + comment);
  }

  byte[] publicKeyBlob() {
    return identity.getPublicKeyBlob();
  }

  @Override
  public String toString() {
    return describe();
  }
}
