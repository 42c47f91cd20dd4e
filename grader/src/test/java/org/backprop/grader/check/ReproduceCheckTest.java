package org.backprop.grader.check;

import static org.backprop.grader.check.ServerRuns.evaluate;
import static org.backprop.grader.check.ServerRuns.fit;
import static org.backprop.grader.check.ServerRuns.honest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.grader.check.ServerRuns.Parts;
import org.backprop.grader.evidence.ServerRun;
import org.backprop.nn.records.Device;
import org.backprop.nn.records.RunRecord;
import org.junit.jupiter.api.Test;

class ReproduceCheckTest {
    private static final RunRecord BASELINE = fit("baseline", Parts.ALL, 3, "baseline");

    @Test
    void passesARunTheServerReproducesExactly() {
        CheckOutcome outcome = evaluate("reproduce", honest(BASELINE), Map.of());
        assertEquals(CheckOutcome.Verdict.PASSED, outcome.verdict(), outcome.message());
        assertTrue(outcome.message().startsWith("1 of 1 re-run handed-in run reproduced within 0.02 of the claimed"
                + " val_accuracy.\n- run \"baseline\": reproduced, val_accuracy "), outcome.message());
    }

    @Test
    void failsClaimedMetricsBetterThanTheCodeProducesShowingBothAndWhereTheyPart() {
        RunRecord better = withCurve(BASELINE, "val_accuracy", List.of(0.5, 0.97, 0.99));
        ServerRun run = ServerRuns.run(BASELINE);
        CheckOutcome outcome = evaluate("reproduce", new CheckInput(run, ServerRuns.claims(run, better), "",
                List.of()), Map.of("tolerance", 0.02));
        List<Double> actual = BASELINE.history().get("val_accuracy");
        assertEquals(CheckOutcome.Verdict.FAILED, outcome.verdict(), outcome.message());
        assertTrue(outcome.message().contains("- run \"baseline\": differs: val_accuracy 0.9900 claimed after 3 epochs, "
                + String.format("%.4f", actual.get(2)) + " on the server after 3; they part in epoch "),
                outcome.message());
    }

    @Test
    void aDifferenceBetweenRunsOnDifferentHardwareNamesBothDevices() {
        RunRecord elsewhere = withCurve(BASELINE, "val_accuracy", List.of(0.5, 0.97, 0.99),
                new Device("webgpu", "NVIDIA: 580.159.04"));
        ServerRun run = ServerRuns.run(BASELINE);
        CheckOutcome outcome = evaluate("reproduce", new CheckInput(run, ServerRuns.claims(run, elsewhere), "",
                List.of()), Map.of("tolerance", 0.02));
        assertEquals(CheckOutcome.Verdict.FAILED, outcome.verdict(), outcome.message());
        assertTrue(outcome.message().endsWith(" re-run). The claimed run trained on webgpu (NVIDIA: 580.159.04), the"
                + " server's re-run on " + BASELINE.device().backend() + " (" + BASELINE.device().device() + "):"
                + " different hardware rounds differently, and a run that has not settled can turn that into other"
                + " numbers."), outcome.message());
    }

    @Test
    void aDifferenceOnTheSameHardwareNamesNoDevice() {
        RunRecord better = withCurve(BASELINE, "val_accuracy", List.of(0.5, 0.97, 0.99));
        ServerRun run = ServerRuns.run(BASELINE);
        CheckOutcome outcome = evaluate("reproduce", new CheckInput(run, ServerRuns.claims(run, better), "",
                List.of()), Map.of("tolerance", 0.02));
        assertTrue(outcome.message().endsWith(" re-run)."), outcome.message());
    }

    @Test
    void neitherCreditsNorBlamesARunOutsideTheBudget() {
        RunRecord variant = fit("no-residual", Parts.ALL.without("residual"), 3, "ablation:no-residual");
        ServerRun run = ServerRuns.run(BASELINE, ServerRuns.notTrained("no-residual", Parts.ALL.without("residual"),
                "ablation:no-residual"));
        CheckOutcome outcome = evaluate("reproduce", new CheckInput(run, ServerRuns.claims(run, BASELINE, variant), "",
                List.of()), Map.of());
        assertEquals(CheckOutcome.Verdict.PASSED, outcome.verdict(), outcome.message());
        assertTrue(outcome.message().contains("Not re-run (outside the re-run budget): no-residual."),
                outcome.message());
    }

    @Test
    void failsAClaimTheCodeNeverProduces() {
        ServerRun run = ServerRuns.run();
        CheckOutcome outcome = evaluate("reproduce", new CheckInput(run, ServerRuns.claims(run, BASELINE), "",
                List.of()), Map.of());
        assertEquals(CheckOutcome.failed("0 of 1 re-run handed-in run reproduced within 0.02 of the claimed"
                + " val_accuracy.\n- run \"baseline\": not produced by the submitted code (the submitted code never"
                + " trains a run named \"baseline\")."), outcome);
    }

    /** A forged claim: {@code record} with one curve replaced, as a team could write by hand. */
    private static RunRecord withCurve(RunRecord record, String metric, List<Double> values) {
        return withCurve(record, metric, values, record.device());
    }

    /** {@code record} with one curve replaced, trained on {@code device}. */
    private static RunRecord withCurve(RunRecord record, String metric, List<Double> values, Device device) {
        Map<String, List<Double>> history = new LinkedHashMap<>(record.history());
        history.put(metric, new ArrayList<>(values));
        Map<String, Double> finals = new LinkedHashMap<>(record.finalMetrics());
        finals.put(metric, values.get(values.size() - 1));
        RunRecord.Builder forged = RunRecord.builder(record.name(), record.seed(), record.model())
                .dataset(record.dataset()).optimizer(record.optimizer()).loss(record.loss()).history(history)
                .finalMetrics(finals).device(device).wallTimeMs(record.wallTimeMs());
        record.tags().forEach(forged::tag);
        return forged.build();
    }
}
