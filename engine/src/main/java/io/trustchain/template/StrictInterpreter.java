package io.trustchain.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import io.trustchain.diag.DidYouMean;

/**
 * A Jinjava interpreter for one render: variables come lazily from the session, text output refuses
 * undefined values and secrets, and unknown filters and tests are errors (Jinjava ignores them).
 */
final class StrictInterpreter extends JinjavaInterpreter {

  private final RenderSession session;

  private StrictInterpreter(Jinjava jinjava, Context context, JinjavaConfig config, RenderSession session) {
    super(jinjava, context, config);
    this.session = session;
  }

  static StrictInterpreter create(Jinjava jinjava, RenderSession session) {
    StrictContext context = new StrictContext(jinjava.getGlobalContext(), session);
    context.setDynamicVariableResolver(session::jinjaValue);
    return new StrictInterpreter(jinjava, context, jinjava.getGlobalConfig(), session);
  }

  RenderSession session() {
    return session;
  }

  @Override
  public String getAsString(Object object) {
    Object v = JinjaValues.unwrap(object);
    if (v instanceof Undefined u) {
      session.fail(u.error());
      return "";
    }
    if (v instanceof SecretHandle h) {
      session.fail(h.error());
      return "";
    }
    return super.getAsString(object);
  }

  /** The root context of a render: reports unknown filters and tests. */
  private static final class StrictContext extends Context {

    private final RenderSession session;

    StrictContext(Context parent, RenderSession session) {
      super(parent);
      this.session = session;
    }

    @Override
    public Filter getFilter(String name) {
      Filter f = super.getFilter(name);
      if (f == null) {
        String hint = DidYouMean.hint(name, getAllFilters().stream().map(Filter::getName).toList());
        session.fail(new TemplateException("unknown filter \"" + name + "\"" + (hint == null ? "" : "; " + hint)));
      }
      return f;
    }

    @Override
    public ExpTest getExpTest(String name) {
      ExpTest t = super.getExpTest(name);
      if (t == null) {
        String hint = DidYouMean.hint(name, getAllExpTests().stream().map(ExpTest::getName).toList());
        session.fail(new TemplateException("unknown test \"" + name + "\"" + (hint == null ? "" : "; " + hint)));
      }
      return t;
    }
  }
}
