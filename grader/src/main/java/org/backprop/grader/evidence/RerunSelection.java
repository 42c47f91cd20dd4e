package org.backprop.grader.evidence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which handed-in runs the server trains again, within the assignment's re-run budget: every run of the team's
 * model (the baselines), plus {@code variants} ablation variants sampled with a seed derived from the submission's
 * content hash, so that the choice is repeatable for a TA yet a team cannot know in advance which will be checked.
 * The other fits of the program are built but not trained: their graphs are still evidence.
 */
public final class RerunSelection {
    private RerunSelection() {
    }

    /** Returns the names of the runs to train, from the claims, for the submission whose hash gives {@code seed}. */
    public static Set<String> choose(List<Claim> claims, int variants, long seed) {
        Set<String> chosen = new LinkedHashSet<>();
        // Sorted first, so that the sample depends on the seed and the names only, not on the order handed in.
        Set<String> variantNames = new TreeSet<>();
        for (Claim claim : claims) {
            if (RunTags.isModel(claim.record())) {
                chosen.add(claim.record().name());
            } else {
                variantNames.add(claim.record().name());
            }
        }
        variantNames.removeAll(chosen);
        List<String> shuffled = new ArrayList<>(variantNames);
        // SplittableRandom mixes its seed well; java.util.Random's first draws barely differ for nearby seeds.
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            Collections.swap(shuffled, i, random.nextInt(i + 1));
        }
        chosen.addAll(shuffled.subList(0, Math.min(variants, shuffled.size())));
        return chosen;
    }

    /** Returns the seed of the sample for a submission's content hash (hex), so that a regrade picks the same runs. */
    public static long seedOf(String contentHash) {
        long seed = 0;
        for (int i = 0; i < Math.min(16, contentHash.length()); i++) {
            seed = seed * 16 + Character.digit(contentHash.charAt(i), 16);
        }
        return seed;
    }
}
