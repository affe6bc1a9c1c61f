package io.trustchain.plan.render;

import io.trustchain.plan.Plan;

/** A view of a plan ({@code plan --format text|json}). */
public interface PlanRenderer {

  /** The whole view, ending with a newline. */
  String render(Plan plan);
}
