package io.trustchain.plan;

import io.trustchain.transport.Command;
import io.trustchain.transport.Guard;
import java.util.List;

/**
 * One resource's planned change: data, computed purely from desired state and facts. The reason is
 * for humans and never drives apply.
 */
public sealed interface Change {

  ResourceAddress address();

  String reason();

  default Action action() {
    return switch (this) {
      case NoOp n -> Action.NO_OP;
      case Create c -> Action.CREATE;
      case Update u -> Action.UPDATE;
      case Delete d -> Action.DELETE;
      case Pending p -> Action.PENDING;
    };
  }

  /** The commands apply runs, in order; empty for no-op and pending. */
  default List<Command> commands() {
    return switch (this) {
      case NoOp n -> List.of();
      case Create c -> c.commands();
      case Update u -> u.commands();
      case Delete d -> d.commands();
      case Pending p -> List.of();
    };
  }

  /**
   * What must still hold on the Mac right before apply runs the commands, checked in the same exec
   * with the tools the facts use; empty for no-op and pending. A guard that fails aborts the change.
   */
  default List<Guard> guards() {
    return List.of();
  }

  /** This change with {@code more} guards after its own (no-op and pending have none to add to). */
  default Change guardedBy(List<Guard> more) {
    List<Guard> all = new java.util.ArrayList<>(guards());
    more.stream().filter(g -> !all.contains(g)).forEach(all::add);
    return switch (this) {
      case NoOp n -> n;
      case Pending p -> p;
      case Create c -> new Create(c.address(), c.after(), c.commands(), c.reason(), all);
      case Update u -> new Update(u.address(), u.before(), u.after(), u.commands(), u.reason(), all);
      case Delete d -> new Delete(d.address(), d.before(), d.commands(), d.reason(), all);
    };
  }

  record NoOp(ResourceAddress address, Attributes current, String reason) implements Change {}

  record Create(ResourceAddress address, Attributes after, List<Command> commands, String reason, List<Guard> guards)
      implements Change {
    public Create {
      commands = List.copyOf(commands);
      guards = List.copyOf(guards);
    }

    public Create(ResourceAddress address, Attributes after, List<Command> commands, String reason) {
      this(address, after, commands, reason, List.of());
    }
  }

  record Update(ResourceAddress address, Attributes before, Attributes after, List<Command> commands, String reason,
      List<Guard> guards) implements Change {
    public Update {
      commands = List.copyOf(commands);
      guards = List.copyOf(guards);
    }

    public Update(ResourceAddress address, Attributes before, Attributes after, List<Command> commands,
        String reason) {
      this(address, before, after, commands, reason, List.of());
    }
  }

  record Delete(ResourceAddress address, Attributes before, List<Command> commands, String reason, List<Guard> guards)
      implements Change {
    public Delete {
      commands = List.copyOf(commands);
      guards = List.copyOf(guards);
    }

    public Delete(ResourceAddress address, Attributes before, List<Command> commands, String reason) {
      this(address, before, commands, reason, List.of());
    }
  }

  /**
   * macOS will complete this by itself at an event (e.g. a token granted at the user's next login).
   *
   * @param overdue it has waited longer than the document allows (a deferral that never fired): drift,
   *     which {@code plan --detailed-exitcode} reports as a difference
   */
  record Pending(ResourceAddress address, Attributes before, Attributes after, String reason, boolean overdue)
      implements Change {

    public Pending(ResourceAddress address, Attributes before, Attributes after, String reason) {
      this(address, before, after, reason, false);
    }
  }

  /** Whether this is a pending change that is overdue (drift). */
  default boolean drifted() {
    return this instanceof Pending p && p.overdue();
  }
}
