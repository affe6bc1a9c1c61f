package io.trustchain.transport.ssh;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts.KnownHostEntry;

/**
 * One OpenSSH known_hosts file (plain and hashed host names, {@code [host]:port} entries, markers),
 * shared by every connection of a connector that names it. Checks are serialized, so hosts
 * connecting in parallel cannot interleave an accept-new append.
 *
 * <p>sshj's {@link OpenSSHKnownHosts} decides every check, but only over the lines that can apply
 * to the host: lines are indexed by their plain host names, and lines it cannot index (hashed names,
 * wildcards, negations) are offered to every check; a line is parsed (its key decoded) the first time
 * it is offered. A fleet's file holds a line per host, so checking each host against all of them, and
 * parsing every key up front, would cost time in the square of the fleet's size.
 */
final class KnownHosts {

  /** The outcome of one host key check. */
  enum Verdict {
    KNOWN, UNKNOWN, CHANGED, ACCEPTED
  }

  /** What one check found: the verdict, and the host name as known_hosts spells it. */
  record Check(Verdict verdict, String knownHostsName) {}

  private final Path path;
  private final List<String> lines = new ArrayList<>();
  private final Map<Integer, KnownHostEntry> parsed = new HashMap<>();
  private final Map<String, List<Integer>> byName = new HashMap<>();
  private final List<Integer> everywhere = new ArrayList<>();
  private final Checker checker = new Checker();

  KnownHosts(Path path) throws IOException {
    this.path = path;
    if (Files.exists(path)) {
      for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
        add(line);
      }
    }
  }

  Path path() {
    return path;
  }

  /** Checks {@code key} for {@code host:port}; with {@code acceptNew}, an unknown key is appended. */
  synchronized Check check(String host, int port, PublicKey key, boolean acceptNew) {
    String name = name(host, port);
    checker.offer(candidates(name));
    boolean ok = checker.verify(host, port, key);
    if (checker.verdict == Verdict.UNKNOWN && acceptNew) {
      return new Check(append(name, key) ? Verdict.ACCEPTED : Verdict.UNKNOWN, name);
    }
    Verdict verdict = checker.verdict != null ? checker.verdict : ok ? Verdict.KNOWN : Verdict.UNKNOWN;
    return new Check(verdict, name);
  }

  synchronized List<String> algorithmsFor(String host, int port) {
    checker.offer(candidates(name(host, port)));
    return checker.findExistingAlgorithms(host, port);
  }

  private static String name(String host, int port) {
    return port == 22 ? host.toLowerCase(Locale.ROOT) : "[" + host.toLowerCase(Locale.ROOT) + "]:" + port;
  }

  /** The entries of the lines that may name {@code name}, in file order (unparsable lines left out). */
  private List<KnownHostEntry> candidates(String name) {
    TreeSet<Integer> indexes = new TreeSet<>(everywhere);
    indexes.addAll(byName.getOrDefault(name, List.of()));
    List<KnownHostEntry> entries = new ArrayList<>(indexes.size());
    for (int i : indexes) {
      KnownHostEntry e = parsed.computeIfAbsent(i, this::parse);
      if (e != null) {
        entries.add(e);
      }
    }
    return entries;
  }

  private KnownHostEntry parse(int index) {
    try {
      return checker.new EntryFactory().parseEntry(lines.get(index));
    } catch (IOException | RuntimeException e) {
      return null; // as sshj does with a line it cannot read
    }
  }

  private void add(String line) {
    String[] fields = line.strip().split("\\s+");
    if (fields.length == 0 || fields[0].isEmpty() || fields[0].startsWith("#")) {
      return;
    }
    int index = lines.size();
    lines.add(line);
    String hosts = fields[0].startsWith("@") && fields.length > 1 ? fields[1] : fields[0];
    if (hosts.startsWith("|") || hosts.contains("*") || hosts.contains("?") || hosts.contains("!")) {
      everywhere.add(index);
      return;
    }
    for (String h : hosts.split(",")) {
      byName.computeIfAbsent(h.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(index);
    }
  }

  /** Appends {@code name key} to the file (creating it and its folder); false when that fails. */
  private boolean append(String name, PublicKey key) {
    try {
      String line = new OpenSSHKnownHosts.HostEntry(null, name, KeyType.fromKey(key), key).getLine();
      Path dir = path.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      String lead = Files.exists(path) && Files.size(path) > 0 && !endsWithNewline() ? "\n" : "";
      Files.writeString(path, lead + line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      add(line);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private boolean endsWithNewline() throws IOException {
    byte[] all = Files.readAllBytes(path);
    return all.length == 0 || all[all.length - 1] == '\n';
  }

  /** sshj's checks over the entries offered; remembers what an unknown or changed key looked like. */
  private static final class Checker extends OpenSSHKnownHosts {
    private Verdict verdict;

    Checker() throws IOException {
      super(new StringReader(""));
    }

    void offer(List<KnownHostEntry> candidates) {
      entries.clear();
      entries.addAll(candidates);
      verdict = null;
    }

    @Override
    protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
      verdict = Verdict.UNKNOWN;
      return false;
    }

    @Override
    protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
      verdict = Verdict.CHANGED;
      return false;
    }
  }
}
