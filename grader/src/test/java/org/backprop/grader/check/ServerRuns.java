package org.backprop.grader.check;

import java.util.ArrayList;
import java.util.List;
import org.backprop.grader.evidence.Claim;
import org.backprop.grader.evidence.ClaimMatch;
import org.backprop.grader.evidence.ClaimMatcher;
import org.backprop.grader.evidence.Member;
import org.backprop.grader.evidence.ServerRun;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.internal.RunInternals;
import org.backprop.nn.internal.RunObserver;
import org.backprop.nn.layers.Activation;
import org.backprop.nn.layers.Add;
import org.backprop.nn.layers.BatchNormalization;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.GlobalAveragePooling2D;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.SeparableConv2D;
import org.backprop.nn.layers.preprocessing.RandomFlip;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.records.RunRecordJson;

/**
 * Evidence as the grader's run produces it, made by the library itself rather than by hand: tiny mini-Xception-like
 * models (augmentation, Conv2D, BatchNormalization, SeparableConv2D, a residual Add) fitted for a few epochs on 4×4
 * images while an observer that probes behaviour, as the grader's runtime does, collects each fit's record. Every
 * record goes through {@link RunRecordJson} and back, as the grader receives it.
 */
final class ServerRuns {
    /** Which parts a model has, and how its augmentation is wired. */
    record Parts(boolean augmentation, boolean batchNormalization, boolean separable, boolean residual,
            Wiring wiring) {
        static final Parts ALL = new Parts(true, true, true, true, Wiring.IN_MODEL);

        Parts without(String component) {
            return switch (component) {
                case "augmentation" -> new Parts(false, batchNormalization, separable, residual, wiring);
                case "batch-normalization" -> new Parts(augmentation, false, separable, residual, wiring);
                case "separable-conv" -> new Parts(augmentation, batchNormalization, false, residual, wiring);
                case "residual" -> new Parts(augmentation, batchNormalization, separable, false, wiring);
                default -> throw new IllegalArgumentException(component);
            };
        }

        Parts wired(Wiring newWiring) {
            return new Parts(augmentation, batchNormalization, separable, residual, newWiring);
        }
    }

    /** How the augmentation layers are used. */
    enum Wiring {
        /** Applied to the model's tensors, as Keras does. */
        IN_MODEL,
        /** Created but never applied: not part of the model. */
        NOT_WIRED,
        /** Inside a layer of the student's own that flips in inference too. */
        ALSO_AT_INFERENCE,
        /** In a {@code data_augmentation} Sequential called on the inputs, as the book writes it. */
        NESTED_SEQUENTIAL
    }

    private static final float[] PIXELS = new float[8 * 4 * 4];
    private static final float[] LABELS = {0, 1, 0, 1, 1, 0, 1, 0};

    static {
        for (int i = 0; i < PIXELS.length; i++) {
            PIXELS[i] = (i * 37 % 11) * 25f;
        }
    }

    private ServerRuns() {
    }

    /** Returns the record of a probed fit of a model with {@code parts} for {@code epochs}, tagged {@code tags}. */
    static RunRecord fit(String name, Parts parts, int epochs, String... tags) {
        return fit(true, name, parts, epochs, tags);
    }

    /** Returns the record of a fit the grader's budget left out: built and probed, not trained. */
    static RunRecord notTrained(String name, Parts parts, String... tags) {
        return fit(false, name, parts, 2, tags);
    }

    private static RunRecord fit(boolean train, String name, Parts parts, int epochs, String... tags) {
        List<RunRecord> reported = new ArrayList<>();
        RunInternals.observe(new RunObserver() {
            @Override
            public boolean shouldTrain(String runName, List<String> runTags) {
                return train;
            }

            @Override
            public void runEnded(RunRecord record) {
                reported.add(record);
            }

            @Override
            public boolean probesBehaviour() {
                return true;
            }
        });
        try {
            Model model = build(parts);
            model.compile("adam", "binary_crossentropy", "accuracy");
            model.fit(Tensor.of(new int[] {8, 4, 4, 1}, PIXELS), Tensor.of(new int[] {8, 1}, LABELS),
                    FitOptions.epochs(epochs).batchSize(4).validationSplit(0.25).verbose(0).runName(name).tags(tags)
                            .datasetName("tiny-images"));
        } finally {
            RunInternals.observe(null);
        }
        if (reported.size() != 1) {
            throw new IllegalStateException("one fit reported " + reported.size() + " records");
        }
        return RunRecordJson.read(RunRecordJson.write(reported.get(0)));
    }

    /** Returns the server's run that made {@code records}, ending normally. */
    /** The member who hands in the runs of these tests. */
    static final Member MINJI = new Member(1, "Kim Minji");

    static ServerRun run(RunRecord... records) {
        return new ServerRun(List.of(records), java.util.Map.of(), null);
    }

    /** Returns {@code claimed} handed in by "Kim Minji", matched against the server's {@code run}. */
    static List<ClaimMatch> claims(ServerRun run, RunRecord... claimed) {
        List<Claim> claims = new ArrayList<>();
        for (RunRecord record : claimed) {
            claims.add(new Claim(record, MINJI, null));
        }
        return ClaimMatcher.match(claims, run);
    }

    /** Returns the input of a check where the server's run made {@code records} and the team handed in the same. */
    static CheckInput honest(RunRecord... records) {
        ServerRun run = run(records);
        return new CheckInput(run, claims(run, records), "", List.of(MINJI));
    }

    /** Returns the outcome of the check {@code name} on {@code input} with YAML-like {@code params}. */
    static CheckOutcome evaluate(String name, CheckInput input, java.util.Map<String, ?> params) {
        CheckSpec spec = CheckCatalogue.spec(name).orElseThrow();
        return spec.automatic().orElseThrow().evaluate(input, CheckParams.of(spec, params));
    }

    private static Model build(Parts parts) {
        RandomSeed.set(7);
        Input inputs = Input.shape(4, 4, 1);
        KerasTensor x = inputs;
        if (parts.augmentation()) {
            switch (parts.wiring()) {
                case IN_MODEL -> x = new RandomFlip("horizontal").apply(x);
                case NOT_WIRED -> new RandomFlip("horizontal");
                case ALSO_AT_INFERENCE -> x = new AlwaysFlip().apply(x);
                case NESTED_SEQUENTIAL -> x = new Sequential(new RandomFlip("horizontal")).apply(x);
            }
        }
        x = new Conv2D(2, 3).padding("same").apply(x);
        KerasTensor residual = x;
        if (parts.batchNormalization()) {
            x = new BatchNormalization().apply(x);
        }
        x = new Activation("relu").apply(x);
        x = parts.separable() ? new SeparableConv2D(2, 3).padding("same").apply(x)
                : new Conv2D(2, 3).padding("same").apply(x);
        if (parts.residual()) {
            x = new Add().apply(x, residual);
        }
        x = new GlobalAveragePooling2D().apply(x);
        return new Model(inputs, new Dense(1, "sigmoid").apply(x));
    }

    /** A student's layer that augments at inference too: it calls a RandomFlip in training mode every time. */
    static final class AlwaysFlip extends Layer {
        private final RandomFlip flip = new RandomFlip("horizontal");

        AlwaysFlip() {
            super("always_flip");
        }

        @Override
        public String typeName() {
            return "RandomFlip";
        }

        @Override
        public int[] computeOutputShape(int[] inputShape) {
            return inputShape;
        }

        @Override
        protected Tensor forward(Tensor inputs, boolean training) {
            return flip.call(inputs, true);
        }
    }
}
