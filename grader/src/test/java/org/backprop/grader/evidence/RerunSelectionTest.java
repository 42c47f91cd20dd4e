package org.backprop.grader.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.records.RunRecord;
import org.junit.jupiter.api.Test;

class RerunSelectionTest {
    private static final List<Claim> STUDY = List.of(claim("fashion/baseline", "baseline"),
            claim("mnist/baseline", "baseline"), claim("fashion/no-residual", "ablation:no-residual"),
            claim("fashion/no-batch-normalization", "ablation:no-batch-normalization"),
            claim("mnist/no-residual", "ablation:no-residual"),
            claim("mnist/no-separable-conv", "ablation:no-separable-conv"));

    @Test
    void trainsEveryBaselineAndAsManyVariantsAsTheBudgetSays() {
        Set<String> chosen = RerunSelection.choose(STUDY, 2, 42);
        assertEquals(4, chosen.size(), chosen::toString);
        assertTrue(chosen.containsAll(List.of("fashion/baseline", "mnist/baseline")), chosen::toString);
    }

    @Test
    void picksTheSameVariantsForTheSameSubmissionWhateverTheOrderHandedIn() {
        List<Claim> reversed = new java.util.ArrayList<>(STUDY);
        java.util.Collections.reverse(reversed);
        long seed = RerunSelection.seedOf("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        assertEquals(RerunSelection.choose(STUDY, 2, seed), new HashSet<>(RerunSelection.choose(reversed, 2, seed)));
    }

    @Test
    void picksDifferentVariantsForDifferentSubmissions() {
        Set<Set<String>> samples = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            samples.add(RerunSelection.choose(STUDY, 1, seed));
        }
        assertEquals(4, samples.size(), "every variant is sometimes the one re-run: " + samples);
    }

    private static Claim claim(String name, String tag) {
        Sequential model = new Sequential(new Dense(1));
        model.compile("sgd", "mse");
        RunRecord record = model.fit(Tensor.of(new int[] {2, 1}, new float[] {1, 2}),
                Tensor.of(new int[] {2, 1}, new float[] {1, 2}), FitOptions.epochs(1).verbose(0).runName(name)
                        .tags(tag)).runRecord();
        return new Claim(record, new Member(1, "Kim Minji"), null);
    }
}
