package io.trustchain.facts;

import java.util.List;
import java.util.Objects;

/**
 * The not-understood parts of a host's facts, as one facts record sees them: the record's own path
 * ({@code filevault}, {@code users[alice]}, or empty for the host) and every not-understood entry of
 * the host. The records' accessors call {@link #check} before returning a value, so that reading an
 * unknown fact throws {@link NotUnderstoodException} instead of handing out a placeholder.
 */
public final class Unknowns {

  /** Nothing unknown. */
  public static final Unknowns NONE = new Unknowns("", List.of());

  private final String base;
  private final List<NotUnderstood> entries;

  private Unknowns(String base, List<NotUnderstood> entries) {
    this.base = Objects.requireNonNull(base, "base == null");
    this.entries = List.copyOf(entries);
  }

  /** The host's entries, seen from the record at {@code base}. */
  public static Unknowns of(String base, List<NotUnderstood> entries) {
    return entries.isEmpty() ? NONE : new Unknowns(base, entries);
  }

  /** The same entries seen from another record. */
  public Unknowns at(String otherBase) {
    return of(otherBase, entries);
  }

  public List<NotUnderstood> entries() {
    return entries;
  }

  /** The full path of {@code field} of this record. */
  public String path(String field) {
    return base.isEmpty() ? field : field.isEmpty() ? base : base + "." + field;
  }

  /**
   * These unknowns once {@code path} is known (a projection set it): entries no longer leave it
   * unknown, and entries that then touch nothing are dropped from this view.
   */
  public Unknowns without(String path) {
    List<NotUnderstood> kept = new java.util.ArrayList<>();
    for (NotUnderstood e : entries) {
      List<String> facts = e.facts().stream().filter(f -> !f.equals(path)).toList();
      if (!facts.isEmpty()) {
        kept.add(facts.size() == e.facts().size() ? e
            : new NotUnderstood(e.section(), facts, e.command(), e.exit(), e.stream(), e.lines(), e.problem()));
      }
    }
    return of(base, kept);
  }

  /** Whether {@code field} of this record is known. */
  public boolean known(String field) {
    String path = path(field);
    return entries.stream().noneMatch(e -> e.touches(path));
  }

  /** Throws {@link NotUnderstoodException} when {@code field} of this record is not known. */
  public void check(String field) {
    if (entries.isEmpty()) {
      return;
    }
    String path = path(field);
    List<NotUnderstood> why = entries.stream().filter(e -> e.touches(path)).toList();
    if (!why.isEmpty()) {
      throw new NotUnderstoodException(path, why);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Unknowns u && u.base.equals(base) && u.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return entries.isEmpty() ? "(all understood)" : entries.size() + " not understood";
  }
}
