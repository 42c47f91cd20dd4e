package org.backprop.server.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JPlag through the engine: copies are found whatever their names and order; starter code never counts. */
class SimilarityEngineTest {
    private static final Map<String, String> STARTER = Map.of("Main.java", JavaHomework.STARTER_MAIN,
            "model/Net.java", JavaHomework.STARTER_NET);
    private final SimilarityEngine engine = new SimilarityEngine();

    private static SimilarityEngine.Project project(String key, String net) {
        return new SimilarityEngine.Project(key, Map.of("Main.java", JavaHomework.STARTER_MAIN, "model/Net.java", net));
    }

    private static SimilarityEngine.Pair pair(SimilarityEngine.Result result, String a, String b) {
        return result.pairs().stream().filter(pair -> pair.keyA().equals(a) && pair.keyB().equals(b)
                || pair.keyA().equals(b) && pair.keyB().equals(a)).findFirst()
                .orElseThrow(() -> new AssertionError("no pair " + a + "/" + b + " in " + result.pairs()));
    }

    @Test
    void aCopyWithRenamedVariablesAndReorderedMethodsIsFoundAndAnHonestNetworkIsNot() {
        SimilarityEngine.Result result = engine.compare(List.of(project("original", JavaHomework.ORIGINAL_NET),
                project("copy", JavaHomework.COPIED_NET), project("honest", JavaHomework.HONEST_NET)), STARTER);
        SimilarityEngine.Pair copied = pair(result, "original", "copy");
        assertTrue(copied.similarity() > 0.8, () -> "expected the copy above 0.8, got " + copied);
        assertEquals(copied, result.pairs().get(0), "the most similar pair comes first");
        assertTrue(copied.matches().stream().allMatch(region -> region.fileA().equals("model/Net.java")
                && region.startLineA() <= region.endLineA() && region.tokens() >= result.minimumTokenMatch()),
                copied::toString);
        for (String other : List.of("original", "copy")) {
            SimilarityEngine.Pair honest = pair(result, "honest", other);
            assertTrue(honest.similarity() < 0.2, () -> "expected the honest pair below 0.2, got " + honest);
        }
    }

    @Test
    void teamsThatKeptTheStarterShareNothingOfTheirOwn() {
        SimilarityEngine.Result result = engine.compare(List.of(project("a", JavaHomework.STARTER_NET),
                project("b", JavaHomework.STARTER_NET), project("c", JavaHomework.HONEST_NET)), STARTER);
        SimilarityEngine.Pair starters = pair(result, "a", "b");
        assertEquals(0.0, starters.similarity(), 0.05, starters::toString);
        assertEquals(List.of(), starters.matches());
    }

    @Test
    void oneProjectHasNothingToCompareWith() {
        assertEquals(List.of(), engine.compare(List.of(project("a", JavaHomework.ORIGINAL_NET)), STARTER).pairs());
    }
}
