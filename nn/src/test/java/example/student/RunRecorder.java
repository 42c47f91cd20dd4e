package example.student;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.internal.RunObserver;
import org.backprop.nn.records.RunRecord;

/**
 * A runtime's view of a program's fits for tests: records what it is asked and the run records it is told, trains
 * the runs not named in {@code skip}, and asks for the behaviour probe when {@code probes}.
 */
class RunRecorder implements RunObserver {
    final List<String> asked = new ArrayList<>();
    final List<RunRecord> ended = new ArrayList<>();
    private final List<String> skip;
    private final boolean probes;

    RunRecorder(boolean probes, String... skip) {
        this.probes = probes;
        this.skip = List.of(skip);
    }

    @Override
    public boolean shouldTrain(String runName, List<String> tags) {
        asked.add(runName + " " + tags);
        return !skip.contains(runName);
    }

    @Override
    public void runEnded(RunRecord record) {
        ended.add(record);
    }

    @Override
    public boolean probesBehaviour() {
        return probes;
    }
}
