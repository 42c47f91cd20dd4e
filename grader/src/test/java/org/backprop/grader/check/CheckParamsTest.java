package org.backprop.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckParamsTest {

    @Test
    void readsValuesAsYamlGivesThemWithDefaults() {
        CheckParams params = CheckParams.of("ablation", Map.of("min-variants", 3L, "components", "dropout"));
        assertEquals(3, params.integer("min-variants", 2, 1));
        assertEquals(List.of("dropout"), params.strings("components", List.of()));
        assertEquals(true, params.bool("members-named", true));
    }

    @Test
    void namesTheParameterAndWhatItGot() {
        CheckParams params = CheckParams.of("ablation", Map.of("min-variants", "two"));
        InvalidCheckParamsException error = assertThrows(InvalidCheckParamsException.class,
                () -> params.integer("min-variants", 2, 1));
        assertEquals("The parameter \"min-variants\" of the check \"ablation\" must be a whole number of at least 1,"
                + " got two.", error.getMessage());
    }
}
