package org.backprop.grader.check;

import java.util.ArrayList;
import java.util.List;
import org.backprop.grader.evidence.RunTags;
import org.backprop.nn.records.RunRecord;

/** How the checks pick the server's fits they judge the team's model by. */
final class Runs {
    private Runs() {
    }

    /** Returns the server's fits of the team's model (no ablation variant), trained or only built. */
    static List<RunRecord> models(CheckInput input) {
        List<RunRecord> models = new ArrayList<>();
        for (RunRecord record : input.run().records()) {
            if (RunTags.isModel(record)) {
                models.add(record);
            }
        }
        return models;
    }

    /** Returns why there is no model to judge: the program made no fit at all, or only ablation variants. */
    static String noModel(CheckInput input, String what) {
        return input.run().records().isEmpty()
                ? "The server ran your program and it trained no model (it never called fit), so " + what
                        + " cannot be checked."
                : "Every fit of your program, as the server ran it, is tagged as an ablation variant, so " + what
                        + " cannot be checked on your model: tag your full model's run \"baseline\".";
    }

    /** Returns "run "name"", as messages name runs. */
    static String name(RunRecord run) {
        return "run \"" + run.name() + "\"";
    }
}
