package org.backprop.grader.evidence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.records.RunStatus;

/**
 * Pairs each handed-in run with the fit of the server's run that has its name (the first one not yet paired, so a
 * name used twice pairs in order), and decides whether the code produces it: the same model graph, seed and
 * dataset. Numbers are not compared here; the {@code reproduce} check does that with the item's tolerance.
 */
public final class ClaimMatcher {
    private ClaimMatcher() {
    }

    /** Returns the standing of each claim against the server's {@code run}, in the claims' order. */
    public static List<ClaimMatch> match(List<Claim> claims, ServerRun run) {
        Set<Integer> paired = new HashSet<>();
        List<ClaimMatch> matches = new ArrayList<>();
        for (Claim claim : claims) {
            Optional<Integer> index = find(claim.record().name(), run.records(), paired);
            if (index.isEmpty()) {
                matches.add(notProduced(claim, "the submitted code never trains a run named \"" + claim.record().name()
                        + "\"" + (run.failureReason().isPresent() ? " before it stopped" : "")));
                continue;
            }
            paired.add(index.get());
            RunRecord evidence = run.records().get(index.get());
            Optional<String> difference = difference(claim.record(), evidence);
            if (difference.isPresent()) {
                matches.add(new ClaimMatch(claim, evidence, ClaimMatch.Standing.NOT_PRODUCED, difference.get()));
            } else {
                matches.add(new ClaimMatch(claim, evidence, evidence.status().state() == RunStatus.State.NOT_TRAINED
                        ? ClaimMatch.Standing.NOT_RERUN : ClaimMatch.Standing.RERUN, null));
            }
        }
        return matches;
    }

    private static Optional<Integer> find(String name, List<RunRecord> records, Set<Integer> paired) {
        for (int i = 0; i < records.size(); i++) {
            if (!paired.contains(i) && records.get(i).name().equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> difference(RunRecord claimed, RunRecord actual) {
        if (claimed.seed() != actual.seed()) {
            return Optional.of("it claims seed " + claimed.seed() + " but the code trains it from seed " + actual.seed());
        }
        if (!claimed.dataset().name().equals(actual.dataset().name())) {
            return Optional.of("it claims the data " + claimed.dataset().name() + " but the code trains it on "
                    + actual.dataset().name());
        }
        return ModelGraphs.difference(claimed.model(), actual.model())
                .map(difference -> "its model is not the one the code builds: " + difference);
    }

    private static ClaimMatch notProduced(Claim claim, String reason) {
        return new ClaimMatch(claim, null, ClaimMatch.Standing.NOT_PRODUCED, reason);
    }
}
