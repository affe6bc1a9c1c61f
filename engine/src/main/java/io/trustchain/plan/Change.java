package io.trustchain.plan;

import io.trustchain.transport.Command;
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

  record NoOp(ResourceAddress address, Attributes current, String reason) implements Change {}

  record Create(ResourceAddress address, Attributes after, List<Command> commands, String reason)
      implements Change {
    public Create {
      commands = List.copyOf(commands);
    }
  }

  record Update(
      ResourceAddress address, Attributes before, Attributes after, List<Command> commands, String reason)
      implements Change {
    public Update {
      commands = List.copyOf(commands);
    }
  }

  record Delete(ResourceAddress address, Attributes before, List<Command> commands, String reason)
      implements Change {
    public Delete {
      commands = List.copyOf(commands);
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
