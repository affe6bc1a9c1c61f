package io.trustchain.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.inventory.ConnectionSpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strict host key checking against an OpenSSH known_hosts file, and the words of a refusal. */
class KnownHostsTest {

  @TempDir
  Path tmp;

  static PublicKey newKey() throws Exception {
    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
  }

  /** The OpenSSH wire blob of an Ed25519 key, built by hand (not with sshj). */
  static byte[] blob(PublicKey key) throws IOException {
    byte[] encoded = key.getEncoded();
    byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
    out.writeInt(type.length);
    out.write(type);
    out.writeInt(raw.length);
    out.write(raw);
    return bytes.toByteArray();
  }

  static String line(String host, PublicKey key) throws IOException {
    return host + " ssh-ed25519 " + Base64.getEncoder().encodeToString(blob(key)) + "\n";
  }

  private Path file(String content) throws IOException {
    Path f = tmp.resolve("known_hosts");
    Files.writeString(f, content);
    return f;
  }

  @Test
  void check_recordedKey_isKnown() throws Exception {
    PublicKey key = newKey();
    KnownHosts hosts = new KnownHosts(file("# comment\n" + line("[127.0.0.1]:2222", key)));
    assertThat(hosts.check("127.0.0.1", 2222, key, false))
        .isEqualTo(new KnownHosts.Check(KnownHosts.Verdict.KNOWN, "[127.0.0.1]:2222"));
    assertThat(hosts.algorithmsFor("127.0.0.1", 2222)).containsExactly("ssh-ed25519");
  }

  @Test
  void check_port22_usesTheBareHostName() throws Exception {
    PublicKey key = newKey();
    KnownHosts hosts = new KnownHosts(file(line("mac-1.example.com", key)));
    assertThat(hosts.check("mac-1.example.com", 22, key, false).verdict()).isEqualTo(KnownHosts.Verdict.KNOWN);
    assertThat(hosts.check("mac-1.example.com", 2222, key, false).verdict()).isEqualTo(KnownHosts.Verdict.UNKNOWN);
  }

  @Test
  void check_hashedHostName_isKnown() throws Exception {
    PublicKey key = newKey();
    byte[] salt = new byte[20];
    Arrays.fill(salt, (byte) 7);
    Mac hmac = Mac.getInstance("HmacSHA1");
    hmac.init(new SecretKeySpec(salt, "HmacSHA1"));
    byte[] hash = hmac.doFinal("[127.0.0.1]:2222".getBytes(StandardCharsets.US_ASCII));
    String hashed = "|1|" + Base64.getEncoder().encodeToString(salt) + "|" + Base64.getEncoder().encodeToString(hash);
    KnownHosts hosts = new KnownHosts(file(line(hashed, key)));
    assertThat(hosts.check("127.0.0.1", 2222, key, false).verdict()).isEqualTo(KnownHosts.Verdict.KNOWN);
  }

  @Test
  void check_aFleetsFile_eachHostIsCheckedAgainstItsOwnLine_andPatternLinesStillApply() throws Exception {
    PublicKey[] keys = new PublicKey[300];
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < keys.length; i++) {
      keys[i] = newKey();
      text.append(line("[127.1.0." + (i % 250 + 1) + "]:" + (40000 + i), keys[i]));
    }
    PublicKey wildcard = newKey();
    PublicKey listed = newKey();
    text.append(line("*.example.com", wildcard)).append(line("alpha,beta.lan", listed));
    KnownHosts hosts = new KnownHosts(file(text.toString()));

    assertThat(hosts.check("127.1.0.251", 40250, keys[250], false).verdict()).isEqualTo(KnownHosts.Verdict.UNKNOWN);
    assertThat(hosts.check("127.1.0.1", 40250, keys[250], false).verdict()).isEqualTo(KnownHosts.Verdict.KNOWN);
    assertThat(hosts.check("127.1.0.1", 40250, keys[251], false).verdict()).isEqualTo(KnownHosts.Verdict.CHANGED);
    assertThat(hosts.check("mac-7.example.com", 22, wildcard, false).verdict()).isEqualTo(KnownHosts.Verdict.KNOWN);
    assertThat(hosts.check("mac-7.example.com", 22, listed, false).verdict()).isEqualTo(KnownHosts.Verdict.CHANGED);
    assertThat(hosts.check("beta.lan", 22, listed, false).verdict()).isEqualTo(KnownHosts.Verdict.KNOWN);
    assertThat(hosts.algorithmsFor("127.1.0.2", 40001)).containsExactly("ssh-ed25519");
    assertThat(hosts.algorithmsFor("127.1.0.2", 40002)).isEmpty();
  }

  @Test
  void check_unknownHost_isUnknown_andTheFileIsNotTouched() throws Exception {
    Path missing = tmp.resolve("nothing/known_hosts");
    KnownHosts hosts = new KnownHosts(missing);
    assertThat(hosts.check("127.0.0.1", 2222, newKey(), false))
        .isEqualTo(new KnownHosts.Check(KnownHosts.Verdict.UNKNOWN, "[127.0.0.1]:2222"));
    assertThat(missing).doesNotExist();
  }

  @Test
  void check_differentKeyForTheHost_isChanged_evenWhenAcceptingNewKeys() throws Exception {
    KnownHosts hosts = new KnownHosts(file(line("[127.0.0.1]:2222", newKey())));
    PublicKey other = newKey();
    assertThat(hosts.check("127.0.0.1", 2222, other, false).verdict()).isEqualTo(KnownHosts.Verdict.CHANGED);
    assertThat(hosts.check("127.0.0.1", 2222, other, true).verdict()).isEqualTo(KnownHosts.Verdict.CHANGED);
  }

  @Test
  void check_acceptNew_appendsTheKey_whichIsThenKnown() throws Exception {
    Path f = tmp.resolve("new/dir/known_hosts");
    PublicKey key = newKey();
    KnownHosts hosts = new KnownHosts(f);

    assertThat(hosts.check("127.0.0.1", 2222, key, true).verdict()).isEqualTo(KnownHosts.Verdict.ACCEPTED);
    assertThat(hosts.check("127.0.0.1", 2222, key, false).verdict()).isEqualTo(KnownHosts.Verdict.KNOWN);
    assertThat(Files.readString(f)).isEqualTo(line("[127.0.0.1]:2222", key));
    assertThat(new KnownHosts(f).check("127.0.0.1", 2222, key, false).verdict()).isEqualTo(KnownHosts.Verdict.KNOWN);
  }

  @Test
  void messages_sayWhatToDo() throws Exception {
    PublicKey key = newKey();
    ConnectionSpec spec = new ConnectionSpec("mac-1", "127.0.0.1", 2222, "admin", Optional.empty(),
        Path.of("/home/a/.ssh/known_hosts"), false, Optional.empty(), Duration.ofSeconds(5));
    String fingerprint = "SHA256:" + Base64.getEncoder().withoutPadding()
        .encodeToString(MessageDigest.getInstance("SHA-256").digest(blob(key)));

    assertThat(HostKeyMessages.fingerprint(key)).isEqualTo(fingerprint);
    assertThat(HostKeyMessages.unknown(spec, key, "/home/a/.ssh/known_hosts")).isEqualTo(
        "mac-1 (127.0.0.1:2222): the host key is not known: the ssh-ed25519 key " + fingerprint
            + " is not in /home/a/.ssh/known_hosts. Check that it is the host's key, then add it with "
            + "`ssh-keyscan -p 2222 -t ed25519 127.0.0.1 >> /home/a/.ssh/known_hosts`, or run again with "
            + "--accept-new-host-keys to trust the keys of hosts seen for the first time.");
    assertThat(HostKeyMessages.changed(spec, key, "/home/a/.ssh/known_hosts", "[127.0.0.1]:2222"))
        .startsWith("WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED for mac-1 (127.0.0.1:2222)! The ssh-ed25519 key "
            + "it offers (" + fingerprint + ") is not the key recorded for [127.0.0.1]:2222 in /home/a/.ssh/known_hosts.")
        .contains("man-in-the-middle")
        .contains("even with --accept-new-host-keys")
        .endsWith("`ssh-keygen -R '[127.0.0.1]:2222' -f /home/a/.ssh/known_hosts` and add the new one.");
  }
}
