package io.trustchain.diag;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every problem found while loading documents, so that all of them are reported at once.
 * Thread-safe for adding.
 */
public final class Diagnostics {

  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing((Diagnostic d) -> d.at().map(r -> r.displayFile()).orElse(""))
          .thenComparingInt(d -> d.at().map(SourceRange::line).orElse(0))
          .thenComparingInt(d -> d.at().map(SourceRange::column).orElse(0));

  private final Set<Diagnostic> items = new LinkedHashSet<>();

  /** Adds {@code diagnostic} unless an equal one is already here (many hosts, one mistake). */
  public synchronized Diagnostics add(Diagnostic diagnostic) {
    items.add(java.util.Objects.requireNonNull(diagnostic, "diagnostic == null"));
    return this;
  }

  public Diagnostics error(SourceRange at, String message) {
    return add(Diagnostic.error(at, message));
  }

  public Diagnostics error(SourceRange at, String message, String hint) {
    return add(Diagnostic.error(at, message, hint));
  }

  public Diagnostics warning(SourceRange at, String message) {
    return add(Diagnostic.warning(at, message));
  }

  public Diagnostics addAll(Diagnostics other) {
    List<Diagnostic> theirs = other.all();
    synchronized (this) {
      theirs.forEach(this::add);
    }
    return this;
  }

  public synchronized boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  public synchronized int errorCount() {
    return (int) items.stream().filter(Diagnostic::isError).count();
  }

  public synchronized int warningCount() {
    return items.size() - errorCount();
  }

  /** All diagnostics, sorted by file, line and column (stable for equal positions). */
  public synchronized List<Diagnostic> all() {
    return items.stream().sorted(ORDER).toList();
  }

  public synchronized boolean isEmpty() {
    return items.isEmpty();
  }

  /** Throws {@link InvalidDocumentsException} carrying these diagnostics when any is an error. */
  public void throwIfErrors() throws InvalidDocumentsException {
    if (hasErrors()) {
      throw new InvalidDocumentsException(this);
    }
  }

  @Override
  public synchronized String toString() {
    return all().toString();
  }
}
