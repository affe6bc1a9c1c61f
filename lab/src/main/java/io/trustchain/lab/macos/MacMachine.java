package io.trustchain.lab.macos;

import io.trustchain.lab.exec.Machine;
import io.trustchain.lab.exec.NetworkFault;
import io.trustchain.lab.exec.Program;
import io.trustchain.lab.macos.state.FileTree;
import io.trustchain.lab.macos.state.MacState;
import io.trustchain.lab.macos.state.NetFault;
import io.trustchain.lab.macos.tools.Tools;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A simulated Mac with its state loaded for one transaction. */
final class MacMachine implements Machine {

  private final MacState state;

  MacMachine(MacState state) {
    this.state = Objects.requireNonNull(state, "state == null");
  }

  MacState state() {
    return state;
  }

  @Override
  public String hostName() {
    return state.host();
  }

  @Override
  public Optional<Program> program(String name) {
    return Tools.resolve(name).map(bare -> new FaultableProgram(state, bare));
  }

  @Override
  public boolean userExists(String user) {
    return state.user(user).isPresent();
  }

  @Override
  public boolean authenticate(String user, char[] password) {
    if (password == null) {
      return false;
    }
    return state.user(user).filter(u -> !u.disabled()).filter(u -> u.passwordMatches(new String(password)))
        .isPresent();
  }

  @Override
  public boolean isAdmin(String user) {
    return state.isAdmin(user);
  }

  @Override
  public Optional<String> readFile(String path) {
    return absolute(path) ? state.files().read(path) : Optional.empty();
  }

  @Override
  public void writeFile(String path, String content) {
    if (!absolute(path)) {
      throw new IllegalArgumentException("the simulated file system takes absolute paths, not \"" + path + "\"");
    }
    state.files().write(path, Objects.requireNonNull(content, "content == null"));
  }

  @Override
  public void writeFile(String path, String content, int modeIfNew) {
    if (!absolute(path)) {
      throw new IllegalArgumentException("the simulated file system takes absolute paths, not \"" + path + "\"");
    }
    state.files().write(path, Objects.requireNonNull(content, "content == null"), modeIfNew);
  }

  @Override
  public boolean deleteFile(String path) {
    return absolute(path) && state.files().isFile(path) && state.files().delete(path);
  }

  @Override
  public boolean isDirectory(String path) {
    return absolute(path) && state.files().isDirectory(FileTree.normalize(path));
  }

  private static boolean absolute(String path) {
    return path != null && path.startsWith("/");
  }

  @Override
  public int newPid() {
    return state.allocatePid();
  }

  @Override
  public List<NetworkFault> activeFaults() {
    if (state.faults().network().isEmpty()) { // asked before and after every program
      return List.of();
    }
    return state.faults().network().stream().filter(NetFault::live).map(NetFault::toFault).toList();
  }

  @Override
  public void fired(NetworkFault fault) {
    state.faults().network().stream().filter(f -> f.id().equals(fault.id())).findFirst().ifPresent(NetFault::fired);
  }

  @Override
  public String toString() {
    return state.toString();
  }
}
