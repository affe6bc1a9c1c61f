package io.trustchain.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Questions over several facts records where some may not be understood: the answer is given when
 * the understood records decide it, and {@link NotUnderstoodException} is thrown only when it
 * depends on one that is not (e.g. "does any admin hold a Secure Token?" is yes as soon as one known
 * admin does, whatever an unreadable account says).
 */
public final class Known {

  private Known() {}

  public static <T> boolean anyMatch(Collection<T> items, Predicate<? super T> p) {
    List<NotUnderstoodException> unknown = new ArrayList<>();
    for (T item : items) {
      try {
        if (p.test(item)) {
          return true;
        }
      } catch (NotUnderstoodException e) {
        unknown.add(e);
      }
    }
    if (!unknown.isEmpty()) {
      throw unknown.get(0);
    }
    return false;
  }

  public static <T> boolean noneMatch(Collection<T> items, Predicate<? super T> p) {
    return !anyMatch(items, p);
  }

  public static <T> boolean allMatch(Collection<T> items, Predicate<? super T> p) {
    return !anyMatch(items, p.negate());
  }
}
