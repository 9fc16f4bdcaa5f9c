import { builder } from "./builder";
import { ErrorInterface } from "./errors";

/** The run already ended (succeeded, failed or was cancelled): there is nothing left to cancel. */
export class PlanningRunFinishedError extends Error {
  constructor() {
    super("This planning run has already finished");
    this.name = "PlanningRunFinishedError";
  }
}

builder.objectType(PlanningRunFinishedError, {
  name: "PlanningRunFinishedError",
  description: "The planning run has already finished; it can no longer be cancelled.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof PlanningRunFinishedError,
});
