package io.trustchain.lab.macos.state;

import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A small simulated file system: regular files with text content and a permission mode, and
 * directories. Paths are absolute. Owners are not modelled: root reads everything, other users read
 * files whose mode lets others read ({@code 0004}).
 */
public final class FileTree {

  /** The mode of files nobody chose one for (a root shell's umask 022). */
  public static final int DEFAULT_MODE = 0644;

  private TreeMap<String, String> files = new TreeMap<>();
  private TreeSet<String> directories = new TreeSet<>();
  private TreeMap<String, Integer> modes = new TreeMap<>();

  public FileTree() {}

  /** {@code /a/b/} and {@code /a//b} → {@code /a/b}; relative paths are rejected. */
  public static String normalize(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("not an absolute path: " + path);
    }
    String p = path.contains("//") ? path.replaceAll("/+", "/") : path;
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  public Optional<String> read(String path) {
    return Optional.ofNullable(files.get(normalize(path)));
  }

  public void write(String path, String content) {
    write(path, content, DEFAULT_MODE);
  }

  /** Writes {@code path}; a new file gets {@code modeIfNew}, an existing one keeps its mode. */
  public void write(String path, String content, int modeIfNew) {
    String p = normalize(path);
    if (!files.containsKey(p)) {
      modes.put(p, modeIfNew & 07777);
    }
    files.put(p, content);
    mkdirs(parent(p));
  }

  /** The file's permission mode ({@code 0600}); empty when it is not a file. */
  public Optional<Integer> mode(String path) {
    String p = normalize(path);
    return files.containsKey(p) ? Optional.of(modes.getOrDefault(p, DEFAULT_MODE)) : Optional.empty();
  }

  /** Whether {@code user} may read the file (root always; others when its mode lets others read). */
  public boolean readableBy(String user, String path) {
    return "root".equals(user) || (mode(path).orElse(DEFAULT_MODE) & 0004) != 0;
  }

  public boolean isFile(String path) {
    return files.containsKey(normalize(path));
  }

  public boolean isDirectory(String path) {
    String p = normalize(path);
    if (p.equals("/") || directories.contains(p)) {
      return true;
    }
    String prefix = p + "/";
    return files.ceilingKey(prefix) != null && files.ceilingKey(prefix).startsWith(prefix);
  }

  public boolean exists(String path) {
    return isFile(path) || isDirectory(path);
  }

  public void mkdirs(String path) {
    String p = normalize(path);
    while (!p.equals("/")) {
      directories.add(p);
      p = parent(p);
    }
  }

  /** Removes a file, or a directory and everything under it. */
  public boolean delete(String path) {
    String p = normalize(path);
    boolean removed = files.remove(p) != null;
    modes.remove(p);
    String prefix = p + "/";
    removed |= files.keySet().removeIf(k -> k.startsWith(prefix));
    modes.keySet().removeIf(k -> k.startsWith(prefix));
    removed |= directories.remove(p);
    removed |= directories.removeIf(k -> k.startsWith(prefix));
    return removed;
  }

  /**
   * Renames a file, or a directory with everything under it, to {@code to} (which must not exist;
   * its parent is created). Returns false when {@code from} does not exist.
   */
  public boolean move(String from, String to) {
    String f = normalize(from);
    String t = normalize(to);
    if (!exists(f) || exists(t) || t.startsWith(f + "/")) {
      return false;
    }
    if (files.containsKey(f)) {
      files.put(t, files.remove(f));
      mkdirs(parent(t));
      return true;
    }
    String prefix = f + "/";
    TreeMap<String, String> movedFiles = new TreeMap<>();
    files.entrySet().removeIf(e -> {
      if (e.getKey().startsWith(prefix)) {
        movedFiles.put(t + e.getKey().substring(f.length()), e.getValue());
        return true;
      }
      return false;
    });
    TreeSet<String> movedDirs = new TreeSet<>();
    directories.removeIf(d -> {
      if (d.equals(f) || d.startsWith(prefix)) {
        movedDirs.add(t + d.substring(f.length()));
        return true;
      }
      return false;
    });
    files.putAll(movedFiles);
    directories.addAll(movedDirs);
    mkdirs(t);
    return true;
  }

  /** Whether the directory has anything in it. */
  public boolean hasChildren(String path) {
    String prefix = normalize(path) + "/";
    return files.keySet().stream().anyMatch(k -> k.startsWith(prefix))
        || directories.stream().anyMatch(k -> k.startsWith(prefix));
  }

  static String parent(String p) {
    int i = p.lastIndexOf('/');
    return i <= 0 ? "/" : p.substring(0, i);
  }

  @Override
  public String toString() {
    return files.size() + " files, " + directories.size() + " directories";
  }
}
