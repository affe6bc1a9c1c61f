package io.trustchain.lab.shell;

import io.trustchain.lab.exec.Machine;
import io.trustchain.lab.exec.NetworkFault;
import io.trustchain.lab.exec.Program;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory {@link Machine} for tests: programs, users, files and faults set up by hand. */
public final class FakeMachine implements Machine {

  /** One program run, as the program saw it. */
  public record Run(List<String> commandLine, String user, String stdin, Map<String, String> env) {}

  private record Account(String password, boolean admin) {}

  private final String hostName;
  private final Map<String, Program> programs = new ConcurrentHashMap<>();
  private final Map<String, Account> users = new ConcurrentHashMap<>();
  private final Map<String, String> files = new ConcurrentHashMap<>();
  private final Set<String> directories = Collections.synchronizedSet(new HashSet<>(Set.of("/", "/tmp", "/Users")));
  private final List<NetworkFault> faults = Collections.synchronizedList(new ArrayList<>());
  private final List<NetworkFault> firedFaults = Collections.synchronizedList(new ArrayList<>());
  private final List<Run> runs = Collections.synchronizedList(new ArrayList<>());

  public FakeMachine(String hostName) {
    this.hostName = hostName;
  }

  /** A machine with user {@code admin} (password {@code adminpw}, an admin), {@code bob} (not) and the standard fake programs. */
  public static FakeMachine standard(String hostName) {
    FakeMachine m = new FakeMachine(hostName);
    m.user("admin", "adminpw", true).user("bob", "bobpw", false);
    FakePrograms.install(m);
    return m;
  }

  public FakeMachine user(String name, String password, boolean admin) {
    users.put(name, new Account(password, admin));
    directories.add("/Users/" + name);
    return this;
  }

  public FakeMachine program(String name, Program program) {
    programs.put(name, program);
    return this;
  }

  public FakeMachine file(String path, String content) {
    files.put(path, content);
    return this;
  }

  public FakeMachine directory(String path) {
    directories.add(path);
    return this;
  }

  public FakeMachine fault(NetworkFault fault) {
    faults.add(fault);
    return this;
  }

  public List<Run> runs() {
    synchronized (runs) {
      return List.copyOf(runs);
    }
  }

  public void record(Run run) {
    runs.add(run);
  }

  public List<NetworkFault> firedFaults() {
    synchronized (firedFaults) {
      return List.copyOf(firedFaults);
    }
  }

  public Map<String, String> files() {
    return new LinkedHashMap<>(files);
  }

  @Override
  public String hostName() {
    return hostName;
  }

  @Override
  public Optional<Program> program(String name) {
    String bare = name.startsWith("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
    if (name.contains("/") && !name.startsWith("/")) {
      return Optional.empty();
    }
    return Optional.ofNullable(programs.get(bare));
  }

  @Override
  public boolean userExists(String user) {
    return users.containsKey(user) || user.equals("root");
  }

  @Override
  public boolean authenticate(String user, char[] password) {
    Account a = users.get(user);
    return a != null && a.password().equals(new String(password));
  }

  @Override
  public boolean isAdmin(String user) {
    Account a = users.get(user);
    return a != null && a.admin();
  }

  @Override
  public Optional<String> readFile(String path) {
    return Optional.ofNullable(files.get(path));
  }

  @Override
  public void writeFile(String path, String content) {
    files.put(path, content);
  }

  @Override
  public boolean deleteFile(String path) {
    return files.remove(path) != null;
  }

  @Override
  public boolean isDirectory(String path) {
    return directories.contains(path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
  }

  @Override
  public List<NetworkFault> activeFaults() {
    synchronized (faults) {
      return faults.stream().filter(f -> f.remaining() != 0).toList();
    }
  }

  @Override
  public void fired(NetworkFault fault) {
    firedFaults.add(fault);
    synchronized (faults) {
      int i = faults.indexOf(fault);
      if (i >= 0 && fault.remaining() > 0) {
        faults.set(i, new NetworkFault(fault.id(), fault.kind(), fault.match(), fault.delay(), fault.remaining() - 1,
            fault.survivesKill()));
      }
    }
  }
}
