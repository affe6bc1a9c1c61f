package io.trustchain.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.AdvancedFilter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The filters and tests whose Jinjava built-ins differ from Ansible's: {@code default}/{@code d}
 * (replaces only undefined values, or every false-y value with {@code default(x, true)}),
 * {@code bool} (Ansible's truthiness: yes/on/true/1), {@code mandatory}, and the tests
 * {@code defined}/{@code undefined} (which see {@link Undefined}). The other filters admins use
 * ({@code int}, {@code lower}, {@code upper}, {@code trim}, {@code replace}, {@code join},
 * {@code length}, {@code string}) are Jinjava's own and behave as Jinja2's.
 */
final class AnsibleFilters {

  private AnsibleFilters() {}

  static List<Filter> filters() {
    return List.of(new DefaultFilter("default"), new DefaultFilter("d"), new BoolFilter(), new MandatoryFilter());
  }

  static List<ExpTest> tests() {
    return List.of(new DefinedTest("defined", true), new DefinedTest("undefined", false));
  }

  /** Ansible's {@code bool}: None stays None, booleans stay, yes/on/1/true (any case) are true. */
  static Boolean toBool(Object value) {
    Object v = JinjaValues.unwrap(value);
    return switch (v) {
      case null -> null;
      case Boolean b -> b;
      case Number n -> n.doubleValue() == 1;
      default -> List.of("yes", "on", "1", "true").contains(v.toString().toLowerCase(Locale.ROOT));
    };
  }

  private record DefaultFilter(String name) implements AdvancedFilter {

    @Override
    public String getName() {
      return name;
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
      Object fallback = args.length > 0 ? args[0] : "";
      Object flag = args.length > 1 ? args[1] : kwargs.get("boolean");
      boolean replaceFalsy = Boolean.TRUE.equals(toBool(flag));
      if (JinjaValues.isUndefined(var) || (replaceFalsy && !JinjaValues.isTruthy(var))) {
        return fallback;
      }
      return var;
    }
  }

  private static final class BoolFilter implements Filter {

    @Override
    public String getName() {
      return "bool";
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
      return toBool(var);
    }
  }

  private static final class MandatoryFilter implements Filter {

    @Override
    public String getName() {
      return "mandatory";
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
      if (JinjaValues.unwrap(var) instanceof Undefined u && interpreter instanceof StrictInterpreter strict) {
        strict.session().fail(u.error());
      }
      return var;
    }
  }

  private record DefinedTest(String name, boolean defined) implements ExpTest {

    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
      return JinjaValues.isUndefined(var) != defined;
    }
  }
}
