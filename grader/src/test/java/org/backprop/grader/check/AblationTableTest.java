package org.backprop.grader.check;

import static org.backprop.grader.check.ServerRuns.fit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backprop.grader.check.ServerRuns.Parts;
import org.backprop.nn.records.RunRecord;
import org.junit.jupiter.api.Test;

/** The ablation table a team reads in its experiment log, built from real fits' graphs. */
class AblationTableTest {
    private static final RunRecord BASELINE = fit("baseline", Parts.ALL, 1, "baseline");

    @Test
    void namesWhatEachVariantRemovesAndItsMetricAgainstTheBaseline() {
        RunRecord noResidual = fit("no-residual", Parts.ALL.without("residual"), 1, "ablation:no-residual");
        AblationTable table = AblationTable.of(List.of(new AblationTable.Entry(3, noResidual),
                new AblationTable.Entry(1, BASELINE)));
        assertEquals("val_accuracy", table.metric(), "validation accuracy comes first where the fits validated");
        assertEquals(1, table.baseline().runId());
        assertEquals(BASELINE.finalMetrics().get("val_accuracy"), table.baseline().value());
        AblationTable.Variant variant = table.variants().get(0);
        assertEquals("residual", variant.component());
        assertTrue(variant.removed().contains("Add"), variant.removed());
        assertNull(variant.problem(), variant.problem());
        assertEquals(noResidual.finalMetrics().get("val_accuracy") - BASELINE.finalMetrics().get("val_accuracy"),
                variant.delta(), 1e-12);
    }

    @Test
    void saysWhenAVariantDoesNotIsolateItsComponentAndKeepsTheNewestPerComponent() {
        RunRecord wrong = fit("no-bn", Parts.ALL.without("residual"), 1, "ablation:no-batch-normalization");
        RunRecord older = fit("no-bn-old", Parts.ALL.without("batch-normalization"), 1, "ablation:no-batchnorm");
        AblationTable table = AblationTable.of(List.of(new AblationTable.Entry(9, wrong),
                new AblationTable.Entry(5, older), new AblationTable.Entry(1, BASELINE)));
        assertEquals(1, table.variants().size(), table.toString());
        assertEquals(9, table.variants().get(0).runId());
        assertTrue(table.variants().get(0).problem().startsWith("it removes no BatchNormalization layer"),
                table.variants().get(0).problem());
    }

    @Test
    void hasNoRowsWithoutABaseline() {
        AblationTable table = AblationTable.of(List.of(new AblationTable.Entry(2,
                fit("no-residual", Parts.ALL.without("residual"), 1, "ablation:no-residual"))));
        assertNull(table.baseline());
        assertTrue(table.variants().isEmpty());
    }
}
