package io.trustchain.spi;

import io.trustchain.facts.FactsRequest;
import io.trustchain.facts.HostFacts;
import io.trustchain.plan.Change;
import io.trustchain.plan.PlanException;
import io.trustchain.plan.ResourceAddress;
import java.util.List;

/**
 * A resource module (the {@code user:} in a play's resources). The params record IS the argument
 * spec: component names map to snake_case keys; nullable components are optional, those annotated
 * {@link Required} are not; compact constructors apply defaults. Named ResourceModule because
 * {@code java.lang.Module} and {@code com.google.inject.Module} are taken.
 *
 * @param <P> the parameter record
 */
public interface ResourceModule<P extends Record> {

  /** The key written in YAML, e.g. {@code user}, {@code filevault}. */
  String name();

  Class<P> paramsType();

  /** The resource's name within a host, e.g. the user's short name; {@code main} for singletons. */
  String resourceName(P params);

  /** Cross-field checks that need no facts ("required_if" &amp; co), keyed by parameter. */
  default List<ParamProblem> check(P params) {
    return List.of();
  }

  /** What this resource needs gathered beyond the fixed facts. */
  default FactsRequest needs(P params) {
    return FactsRequest.none();
  }

  /** The local accounts this resource manages (see {@link ManagedAccount}); none by default. */
  default List<ManagedAccount> accounts(P params) {
    return List.of();
  }

  /** Resources on the same host that must be applied before this one (besides document order). */
  default List<ResourceAddress> dependsOn(P params) {
    return List.of();
  }

  /** Pure: the change that brings the host from {@code ctx.facts()} to {@code params}. No I/O. */
  Change plan(ResourceAddress address, P params, PlanContext ctx) throws PlanException;

  /**
   * The facts as they would be once {@code change} is applied, so that later resources plan against
   * the projected state (e.g. filevault sees the token a user change will grant). Default: unchanged.
   */
  default HostFacts project(HostFacts facts, P params, Change change) {
    return facts;
  }
}
