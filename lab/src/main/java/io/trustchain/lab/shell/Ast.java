package io.trustchain.lab.shell;

import java.util.List;
import java.util.Objects;

/** The syntax tree of the sh subset the lab runs. */
final class Ast {

  private Ast() {}

  /** Anything that runs and leaves an exit status. */
  sealed interface Node permits Sequence, AndOr, Pipeline, Simple, If, For, Loop, Group, Redirected, Function {}

  /** Commands separated by {@code ;} or newlines. */
  record Sequence(List<Node> items) implements Node {
    Sequence {
      items = List.copyOf(items);
    }
  }

  /** {@code first && a || b …}: each {@code rest} item runs when the status so far allows. */
  record AndOr(Node first, List<Link> rest) implements Node {
    AndOr {
      Objects.requireNonNull(first, "first == null");
      rest = List.copyOf(rest);
    }
  }

  /** One {@code &&} or {@code ||} and the pipeline after it. */
  record Link(boolean and, Node node) {}

  /** {@code [!] a | b | c}. */
  record Pipeline(List<Node> stages, boolean negated) implements Node {
    Pipeline {
      stages = List.copyOf(stages);
    }
  }

  /** {@code NAME=value … word … redirections}. */
  record Simple(List<Assignment> assignments, List<Word> words, List<Redirect> redirects, int line)
      implements Node {
    Simple {
      assignments = List.copyOf(assignments);
      words = List.copyOf(words);
      redirects = List.copyOf(redirects);
    }
  }

  record Assignment(String name, Word value) {}

  /** {@code if c; then b; elif c; then b; else e; fi}; {@code otherwise} may be null. */
  record If(List<Branch> branches, Sequence otherwise) implements Node {
    If {
      branches = List.copyOf(branches);
    }
  }

  record Branch(Sequence condition, Sequence body) {}

  /** {@code for name in words; do body; done}. */
  record For(String name, List<Word> words, Sequence body) implements Node {
    For {
      words = List.copyOf(words);
    }
  }

  /** {@code while c; do b; done}, or {@code until} when {@code until}. */
  record Loop(boolean until, Sequence condition, Sequence body) implements Node {}

  /** {@code { list; }}. */
  record Group(Sequence body) implements Node {}

  /** A compound command with redirections after it ({@code { …; } >&2}). */
  record Redirected(Node command, List<Redirect> redirects) implements Node {
    Redirected {
      redirects = List.copyOf(redirects);
    }
  }

  /** {@code name() body}: defines the function {@code name} when it runs (exit status 0). */
  record Function(String name, Node body) implements Node {
    Function {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(body, "body == null");
    }
  }

  /**
   * {@code fd> target}, {@code fd>> target}, {@code fd< target}, or {@code fd>&N} (target is then
   * the fd number).
   */
  record Redirect(int fd, Kind kind, Word target) {
    enum Kind {
      OUT, APPEND, IN, DUP
    }
  }
}
