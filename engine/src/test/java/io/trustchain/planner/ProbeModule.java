package io.trustchain.planner;

import io.trustchain.plan.SamplePlans;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.plan.PlanException;
import io.trustchain.plan.Change;
import io.trustchain.plan.Attributes;
import io.trustchain.facts.FactsRequest;
import io.trustchain.facts.HostFacts;
import io.trustchain.secret.SecretRef;
import io.trustchain.spi.PlanContext;
import io.trustchain.spi.ResourceModule;
import io.trustchain.transport.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A test module: grants a token to a user, or fails, and records what each plan call saw. */
final class ProbeModule implements ResourceModule<ProbeModule.Params> {

  record Params(String name, List<String> after, String grant, String fail, SecretRef password) {
    static Params named(String name) {
      return new Params(name, List.of(), null, null, null);
    }

    Params after(String... others) {
      return new Params(name, List.of(others), grant, fail, password);
    }

    Params granting(String user) {
      return new Params(name, after, user, fail, password);
    }

    Params failing(String message) {
      return new Params(name, after, grant, message, password);
    }

    Params checking(SecretRef pw) {
      return new Params(name, after, grant, fail, pw);
    }
  }

  record Seen(String name, PlanContext ctx) {}

  final List<Seen> seen = new ArrayList<>();

  @Override
  public String name() {
    return "probe";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public String resourceName(Params params) {
    return params.name();
  }

  @Override
  public FactsRequest needs(Params params) {
    return new FactsRequest(Set.of(params.name()),
        params.password() == null ? Map.of() : Map.of(params.name(), params.password()));
  }

  @Override
  public List<ResourceAddress> dependsOn(Params params) {
    return params.after().stream().map(n -> ResourceAddress.of("probe", n)).toList();
  }

  @Override
  public Change plan(ResourceAddress address, Params params, PlanContext ctx) throws PlanException {
    seen.add(new Seen(params.name(), ctx));
    if (params.fail() != null) {
      throw new PlanException(params.fail(), "do something else");
    }
    if (params.grant() != null && !ctx.facts().user(params.grant()).orElseThrow().secureToken()) {
      return new Change.Update(address, SamplePlans.attrs("secure_token", false),
          SamplePlans.attrs("secure_token", true), List.of(Command.of("sysadminctl", "-secureTokenOn", params.grant())),
          "grant " + params.grant());
    }
    return new Change.NoOp(address, Attributes.EMPTY, "nothing to do");
  }

  @Override
  public HostFacts project(HostFacts facts, Params params, Change change) {
    if (change instanceof Change.Update) {
      return facts.withUser(facts.user(params.grant()).orElseThrow().withSecureToken(true));
    }
    return facts;
  }
}
