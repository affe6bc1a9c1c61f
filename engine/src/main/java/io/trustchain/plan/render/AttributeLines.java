package io.trustchain.plan.render;

import io.trustchain.plan.Action;
import io.trustchain.plan.Attributes;

/** The attribute lines and verbs of a change, shared by the terminal and the Markdown views. */
final class AttributeLines {

  private AttributeLines() {}

  /** {@code key: value} for each attribute a new resource will have. */
  static void created(StringBuilder b, Attributes after, String indent) {
    after.values().forEach((key, value) -> {
      if (value != null) {
        b.append(indent).append(key).append(": ")
            .append(after.sensitive().contains(key) ? Values.SENSITIVE : Values.format(value)).append('\n');
      }
    });
  }

  /** {@code key: before -> after} for each attribute that changes; sensitive ones masked. */
  static void changed(StringBuilder b, Attributes before, Attributes after, String indent) {
    for (String key : before.changedKeys(after)) {
      b.append(indent).append(key).append(": ");
      if (before.sensitive().contains(key) || after.sensitive().contains(key)) {
        b.append(Values.SENSITIVE);
      } else {
        b.append(Values.format(before.get(key))).append(" -> ").append(Values.format(after.get(key)));
      }
      b.append('\n');
    }
  }

  static String verb(Action action) {
    return switch (action) {
      case CREATE -> "will be created";
      case UPDATE -> "will be changed";
      case DELETE -> "will be removed";
      case PENDING -> "is pending (macOS completes it at a login)";
      case NO_OP -> "is up to date";
    };
  }
}
