package io.trustchain.plan.render;

import io.trustchain.plan.Plan;
import io.trustchain.plan.json.PlanJson;

/** {@code plan --format json}: the plan file's JSON, the same bytes {@code plan --out} saves. */
public final class JsonRenderer implements PlanRenderer {

  @Override
  public String render(Plan plan) {
    return PlanJson.write(plan);
  }
}
