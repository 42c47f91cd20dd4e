package org.backprop.grader.heldout;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.backprop.grader.evidence.ServerRun;

/**
 * Evaluates the models the server's run saved on the assignment's hidden splits, each pair once however many items
 * ask for it.
 */
public final class SavedModelEvaluation implements HeldoutEvaluation {
    private final ServerRun run;
    private final HiddenSplits splits;
    private final HeldoutEvaluator evaluator;
    private final Map<String, Result> results = new ConcurrentHashMap<>();

    public SavedModelEvaluation(ServerRun run, HiddenSplits splits, HeldoutEvaluator evaluator) {
        this.run = run;
        this.splits = splits;
        this.evaluator = evaluator;
    }

    @Override
    public Result evaluate(String model, String dataset) {
        return results.computeIfAbsent(model + "\n" + dataset, key -> compute(model, dataset));
    }

    private Result compute(String model, String dataset) {
        byte[] saved = run.savedModels().get(model);
        if (saved == null) {
            return Result.studentProblem("Your program, as the server ran it, saved no model named \"" + model + "\""
                    + (run.savedModels().isEmpty() ? "" : " (it saved " + String.join(", ", run.savedModels().keySet())
                            + ")") + ". Save your final model with model.save(\"" + model + "\") after training it.");
        }
        return splits.of(dataset).map(split -> Result.scored(evaluator.evaluate(saved, split)))
                .orElseGet(() -> Result.unavailable("the course has no hidden split of " + dataset
                        + " to evaluate on"));
    }
}
