package org.backprop.nn.backend.cpu;

/** Walks a broadcast operand's offsets in step with the row-major order of the full shape. */
final class Broadcast {
    private Broadcast() {
    }

    /** The offset into an operand of shape {@code operand} for each successive index of {@code full}. */
    static final class Index {
        private final int[] full;
        private final int[] strides;
        private final int[] index;
        private int offset;

        Index(int[] operand, int[] full) {
            this.full = full;
            this.strides = new int[full.length];
            this.index = new int[full.length];
            int lead = full.length - operand.length;
            int stride = 1;
            for (int i = full.length - 1; i >= 0; i--) {
                int dim = i < lead ? 1 : operand[i - lead];
                // A broadcast dimension repeats the same values: stride 0.
                strides[i] = dim == 1 ? 0 : stride;
                stride *= dim;
            }
        }

        int offset() {
            return offset;
        }

        void next() {
            for (int axis = full.length - 1; axis >= 0; axis--) {
                index[axis]++;
                offset += strides[axis];
                if (index[axis] < full[axis]) {
                    return;
                }
                offset -= strides[axis] * full[axis];
                index[axis] = 0;
            }
        }
    }
}
