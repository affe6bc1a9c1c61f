package io.trustchain.lab.macos.tools;

import io.trustchain.lab.macos.state.Account;
import io.trustchain.lab.macos.state.MacState;
import java.util.List;

/** Maps dscl attribute writes on {@code /Users/X} to the account's fields (other attributes are kept as is). */
final class UserAttributes {

  private UserAttributes() {}

  /** Applies {@code verb} ({@code create|append|merge|delete}); false when deleting a value that is not there. */
  static boolean write(MacState state, Account u, String verb, String attribute, List<String> values) {
    String first = values.isEmpty() ? "" : values.get(0);
    boolean delete = verb.equals("delete");
    switch (attribute) {
      case "AuthenticationAuthority" -> {
        if (delete && !values.isEmpty() && !u.authenticationAuthority().containsAll(values)) {
          return false;
        }
        List<String> next = DsclWrite.apply(verb, u.authenticationAuthority(), values);
        u.authenticationAuthority().clear();
        u.authenticationAuthority().addAll(next);
      }
      case "RealName" -> u.realName(delete ? u.name() : String.join(" ", values));
      case "UserShell" -> u.shell(delete ? null : first);
      case "NFSHomeDirectory" -> u.home(delete ? null : first);
      case "UniqueID" -> u.uid(delete ? u.uid() : number(first, u.uid()));
      case "PrimaryGroupID" -> u.gid(delete ? u.gid() : number(first, u.gid()));
      case "GeneratedUID" -> u.generatedUid(delete ? u.generatedUid() : first);
      case "AuthenticationHint" -> u.hint(delete ? null : first);
      case "dsAttrTypeNative:IsHidden" -> u.hidden(!delete && "1".equals(first));
      default -> {
        List<String> current = u.attributes().getOrDefault(attribute, List.of());
        if (delete && !values.isEmpty() && !current.containsAll(values)) {
          return false;
        }
        List<String> next = DsclWrite.apply(verb, current, values);
        if (next.isEmpty() && delete) {
          u.attributes().remove(attribute);
        } else {
          u.attributes().put(attribute, next);
        }
      }
    }
    return true;
  }

  private static int number(String text, int otherwise) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
