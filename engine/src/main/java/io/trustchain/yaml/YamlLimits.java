package io.trustchain.yaml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * The bounds every document is read within, checked on the parser's events before the composer
 * builds anything, so no later tree walk can be made to recurse or expand without end:
 *
 * <ul>
 *   <li>collections nest at most {@value #MAX_DEPTH} levels, aliases included (the composer and every
 *       reader are recursive; a deeper document would overflow the stack);
 *   <li>a scalar holds at most {@value #MAX_SCALAR} characters, and no control character but tab and
 *       line breaks (a NUL would break every path, an escape sequence the terminal that prints it);
 *   <li>aliases add at most {@value #MAX_ALIAS_VALUES} values in all (an "alias bomb" of a few
 *       lines otherwise expands to millions);
 *   <li>an alias never refers to the collection it is inside (a cycle);
 *   <li>explicit tags are {@code !secret}, {@code !vault} or the core schema's ({@code !!str},
 *       {@code !!int}, {@code !!float}, {@code !!bool}, {@code !!null}, {@code !!seq}, {@code !!map}).
 * </ul>
 */
final class YamlLimits implements Parser {

  static final int MAX_DEPTH = 64;
  static final int MAX_SCALAR = 64 * 1024;
  static final long MAX_ALIAS_VALUES = 100_000;

  private static final String CORE = "tag:yaml.org,2002:";
  private static final Set<String> ALLOWED_TAGS = Set.of(YamlValues.SECRET_TAG, YamlValues.VAULT_TAG,
      CORE + "str", CORE + "int", CORE + "float", CORE + "bool", CORE + "null", CORE + "seq", CORE + "map");

  /** A document broke one of the bounds, at {@code mark}. */
  static final class Exceeded extends YamlEngineException {
    final Optional<Mark> mark;
    final String hint;

    Exceeded(String message, Optional<Mark> mark, String hint) {
      super(message);
      this.mark = mark;
      this.hint = hint;
    }
  }

  /** An open collection: its anchor, how many values it holds (aliases expanded), how deep it goes. */
  private static final class Open {
    final Optional<Anchor> anchor;
    long values = 1;
    int height = 1;

    Open(Optional<Anchor> anchor) {
      this.anchor = anchor;
    }
  }

  private record Anchored(long values, int height) {}

  private final Parser parser;
  private final Deque<Open> open = new ArrayDeque<>();
  private final Map<Anchor, Anchored> anchors = new HashMap<>();
  private final Set<Anchor> opening = new HashSet<>();
  private long aliasValues;

  YamlLimits(Parser parser) {
    this.parser = parser;
  }

  @Override
  public boolean checkEvent(Event.ID id) {
    return parser.checkEvent(id);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return parser.hasNext();
  }

  @Override
  public Event next() {
    Event e = parser.next();
    switch (e) {
      case CollectionStartEvent start -> {
        tag(start.getTag(), start);
        if (open.size() >= MAX_DEPTH) {
          throw new Exceeded("the document nests deeper than " + MAX_DEPTH + " levels", start.getStartMark(),
              "flatten it: trustchain's documents need a handful of levels");
        }
        start.getAnchor().ifPresent(opening::add);
        open.push(new Open(start.getAnchor()));
      }
      case ScalarEvent scalar -> {
        tag(scalar.getTag(), scalar);
        if (scalar.getValue().length() > MAX_SCALAR) {
          throw new Exceeded("a value of " + scalar.getValue().length() + " characters is longer than the "
              + MAX_SCALAR + " allowed", scalar.getStartMark(), "keep large data in a file and name the file");
        }
        int control = control(scalar.getValue());
        if (control >= 0) {
          throw new Exceeded(String.format("a value holds the control character U+%04X", control),
              scalar.getStartMark(), "remove it: documents hold printable text (tabs and line feeds excepted)");
        }
        scalar.getAnchor().ifPresent(a -> anchors.put(a, new Anchored(1, 0)));
        add(1, 0);
      }
      case AliasEvent alias -> alias(alias);
      default -> {
        switch (e.getEventId()) {
          case SequenceEnd, MappingEnd -> close();
          case DocumentEnd -> {
            anchors.clear();
            opening.clear();
            aliasValues = 0;
          }
          default -> { }
        }
      }
    }
    return e;
  }

  private void alias(AliasEvent alias) {
    Anchor name = alias.getAlias();
    if (opening.contains(name)) {
      throw new Exceeded("alias *" + name + " refers to the collection it is inside (a cycle)", alias.getStartMark(),
          "anchor a value outside the collection that uses it");
    }
    Anchored target = anchors.getOrDefault(name, new Anchored(1, 0));
    aliasValues += target.values();
    if (aliasValues > MAX_ALIAS_VALUES) {
      throw new Exceeded("aliases expand this document to more than " + MAX_ALIAS_VALUES
          + " values (an alias bomb?)", alias.getStartMark(), "write the values out, or nest fewer aliases");
    }
    if (open.size() + target.height() > MAX_DEPTH) {
      throw new Exceeded("alias *" + name + " nests the document deeper than " + MAX_DEPTH + " levels",
          alias.getStartMark(), "flatten the anchored value or use it higher up");
    }
    add(target.values(), target.height());
  }

  private void close() {
    Open done = open.pop();
    done.anchor.ifPresent(a -> {
      opening.remove(a);
      anchors.put(a, new Anchored(done.values, done.height));
    });
    add(done.values, done.height);
  }

  private void add(long values, int height) {
    Open parent = open.peek();
    if (parent != null) {
      parent.values = Math.min(parent.values + values, Long.MAX_VALUE / 4);
      parent.height = Math.max(parent.height, height + 1);
    }
  }

  /** The first C0 (but tab and line feed), DEL or C1 control character in {@code text}, or -1. */
  static int control(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f)) {
        return c;
      }
    }
    return -1;
  }

  private static void tag(Optional<String> tag, NodeEvent event) {
    if (tag.isPresent() && !ALLOWED_TAGS.contains(tag.get())) {
      String shown = tag.get().startsWith(CORE) ? "!!" + tag.get().substring(CORE.length()) : tag.get();
      throw new Exceeded("unsupported tag " + shown, event.getStartMark(),
          "trustchain reads !secret and !vault values; remove the tag, or quote the value to keep it as text");
    }
  }
}
