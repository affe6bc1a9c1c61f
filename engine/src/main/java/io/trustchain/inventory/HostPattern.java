package io.trustchain.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An Ansible host pattern, as written in a play's {@code hosts:} or given to {@code --limit}:
 * terms separated by {@code ,} (or {@code :}), each a host name, group name ({@code all} too),
 * glob ({@code mac-*}, {@code *.example.com}) or regex ({@code ~(web|db).*}), optionally with a
 * subscript ({@code webservers[0]}, {@code webservers[-1]}, {@code webservers[0:2]}) and a prefix:
 * {@code &} intersects, {@code !} excludes. As in Ansible, plain terms are applied first, then the
 * intersections, then the exclusions, whatever order they are written in; a pattern with only
 * {@code &}/{@code !} terms starts from {@code all}.
 */
public final class HostPattern {

  private static final Pattern SUBSCRIPT = Pattern.compile("^(.+)\\[(?:(-?[0-9]+)|([0-9]+)([:-])([0-9]*))\\]$");
  private static final Pattern COLON_TERMS = Pattern.compile("(?:[^\\s:\\[\\]]|\\[[^\\]]*\\])+");

  private final String text;
  private final List<Term> terms;

  private HostPattern(String text, List<Term> terms) {
    this.text = text;
    this.terms = terms;
  }

  /** Every host. */
  public static HostPattern all() {
    return parse("all");
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException when it is empty, a term is only {@code !} or {@code &}, or a
   *     regex does not compile; the message says which term and why
   */
  public static HostPattern parse(String text) {
    Objects.requireNonNull(text, "text == null");
    List<Term> regular = new ArrayList<>();
    List<Term> intersections = new ArrayList<>();
    List<Term> exclusions = new ArrayList<>();
    for (String written : split(text)) {
      Term term = Term.of(written);
      switch (term.kind) {
        case INTERSECT -> intersections.add(term);
        case EXCLUDE -> exclusions.add(term);
        default -> regular.add(term);
      }
    }
    if (regular.isEmpty() && intersections.isEmpty() && exclusions.isEmpty()) {
      throw new IllegalArgumentException("host pattern \"" + text + "\" is empty; write a host or group name, or all");
    }
    if (regular.isEmpty()) {
      regular.add(Term.of("all"));
    }
    List<Term> ordered = new ArrayList<>(regular);
    ordered.addAll(intersections);
    ordered.addAll(exclusions);
    return new HostPattern(text, List.copyOf(ordered));
  }

  /** Ansible's split: on commas when there are any; else whole when it reads as one address; else on colons. */
  static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    if (text.contains(",")) {
      parts.addAll(List.of(text.split(",", -1)));
    } else if (HostRanges.parseAddress(text) != null) {
      parts.add(text);
    } else {
      Matcher m = COLON_TERMS.matcher(text);
      while (m.find()) {
        parts.add(m.group());
      }
    }
    return parts.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
  }

  /** The hosts this pattern selects from {@code inventory}, in inventory order, and the terms that matched nothing. */
  public HostSelection select(Inventory inventory) {
    Map<String, Integer> order = new HashMap<>();
    inventory.hosts().forEach(h -> order.put(h.name(), order.size()));
    Set<String> selected = new LinkedHashSet<>();
    List<String> unmatched = new ArrayList<>();
    for (Term term : terms) {
      if (term.kind == Kind.UNION && inventory.host(term.written).isPresent()) {
        selected.add(term.written);
        continue;
      }
      List<String> matched = term.match(inventory, order);
      if (matched == null) {
        unmatched.add(term.written);
        matched = List.of();
      }
      switch (term.kind) {
        case UNION -> selected.addAll(matched);
        case INTERSECT -> selected.retainAll(Set.copyOf(matched));
        case EXCLUDE -> matched.forEach(selected::remove);
      }
    }
    List<String> names = new ArrayList<>(selected);
    names.sort(Comparator.comparing(order::get));
    return new HostSelection(names.stream().map(n -> inventory.host(n).orElseThrow()).toList(), unmatched);
  }

  /** The pattern as written. */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HostPattern other && other.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  private enum Kind { UNION, INTERSECT, EXCLUDE }

  /** One term: what it matches, how it combines, and its optional subscript. */
  private record Term(String written, Kind kind, String expression, Pattern matcher, boolean regex,
      Integer start, Integer end) {

    static Term of(String written) {
      Kind kind = switch (written.charAt(0)) {
        case '&' -> Kind.INTERSECT;
        case '!' -> Kind.EXCLUDE;
        default -> Kind.UNION;
      };
      String body = kind == Kind.UNION ? written : written.substring(1);
      if (body.isEmpty()) {
        throw new IllegalArgumentException("host pattern term \"" + written + "\" names nothing after "
            + written.charAt(0) + "; write " + written.charAt(0) + "GROUP");
      }
      if (body.startsWith("~")) {
        try {
          return new Term(written, kind, body, Pattern.compile(body.substring(1)), true, null, null);
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException("host pattern term \"" + written + "\" is not a valid regular expression: "
              + e.getDescription());
        }
      }
      Integer start = null;
      Integer end = null;
      String expression = body;
      Matcher m = SUBSCRIPT.matcher(body);
      if (m.matches()) {
        expression = m.group(1);
        if (m.group(2) != null) {
          start = Integer.valueOf(m.group(2));
        } else {
          start = Integer.valueOf(m.group(3));
          end = m.group(5).isEmpty() ? -1 : Integer.valueOf(m.group(5));
        }
      }
      return new Term(written, kind, expression, Glob.compile(expression), false, start, end);
    }

    /** The matching host names in inventory order, or null when the term matched no host and no group. */
    List<String> match(Inventory inventory, Map<String, Integer> order) {
      Set<String> hosts = new LinkedHashSet<>();
      boolean groupMatched = false;
      for (String group : inventory.groups().keySet()) {
        if (matches(group)) {
          groupMatched = true;
          inventory.hostsOf(group).forEach(h -> hosts.add(h.name()));
        }
      }
      if (!groupMatched || regex || expression.matches(".*[.?*\\[].*")) {
        inventory.hosts().stream().map(Host::name).filter(this::matches).forEach(hosts::add);
      }
      List<String> sorted = new ArrayList<>(hosts);
      sorted.sort(Comparator.comparing(order::get));
      if (sorted.isEmpty()) {
        return groupMatched || expression.equals("all") ? sorted : null;
      }
      return subscript(sorted);
    }

    private boolean matches(String name) {
      return regex ? matcher.matcher(name).lookingAt() : matcher.matcher(name).matches();
    }

    /** Ansible's subscript: [i] one host (negative counts from the end), [a:b] inclusive, [a:] to the end. */
    private List<String> subscript(List<String> hosts) {
      if (start == null) {
        return hosts;
      }
      int size = hosts.size();
      if (end == null || end == 0) {
        int i = start < 0 ? size + start : start;
        return i >= 0 && i < size ? List.of(hosts.get(i)) : null;
      }
      int from = Math.max(0, Math.min(start, size));
      int to = Math.min(end == -1 ? size : end + 1, size);
      return from < to ? hosts.subList(from, to) : List.of();
    }
  }
}
