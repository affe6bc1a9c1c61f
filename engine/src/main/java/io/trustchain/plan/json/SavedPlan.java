package io.trustchain.plan.json;

import io.trustchain.plan.Plan;
import java.util.Objects;

/** A plan as {@code plan --out} saves it: the plan and what it was made from. */
public record SavedPlan(Plan plan, PlanSource source) {

  public SavedPlan {
    Objects.requireNonNull(plan, "plan == null");
    Objects.requireNonNull(source, "source == null");
  }
}
