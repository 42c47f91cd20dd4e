package org.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Executable;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TensorTest {

    @Test
    void buildsAMatrixFromRows() {
        Tensor matrix = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new int[] {2, 3}, matrix.shape());
        assertEquals(6f, matrix.get(5));
        assertEquals(3, matrix.dim(-1));
    }

    @Test
    void isNotChangedThroughTheArraysItWasBuiltFromOrHandsOut() {
        float[] values = {1, 2};
        Tensor vector = Tensor.of(values);
        values[0] = 99;
        vector.toArray()[1] = 99;
        assertArrayEquals(new float[] {1, 2}, vector.toArray());
    }

    @Test
    void rejectsValuesThatDoNotFillTheShape() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(new int[] {2, 2}, new float[3]));
        assertEquals("shape (2, 2) holds 4 values, but 3 were given", error.getMessage());
    }

    @Test
    void rejectsRaggedRows() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(new float[][] {{1, 2}, {3}}));
        assertEquals("row 1 has 1 values, but row 0 has 2", error.getMessage());
    }

    @Test
    void printsNestedValuesWithFourDecimals() {
        assertEquals("[[1.0000, 2.5000], [-3.0000, 0.1235]]",
                Tensor.of(new float[][] {{1, 2.5f}, {-3, 0.12345f}}).toString());
        assertEquals("(3,)", Tensor.describe(new int[] {3}));
    }

    @Test
    void buildsThreeAndFourDimensionalTensorsFromFloatsAndInts() {
        Tensor sequences = Tensor.of(new float[][][] {{{1, 2}, {3, 4}, {5, 6}}, {{7, 8}, {9, 10}, {11, 12}}});
        assertArrayEquals(new int[] {2, 3, 2}, sequences.shape());
        assertEquals(12f, sequences.get(11));
        Tensor images = Tensor.of(new int[][][][] {{{{0}, {255}}, {{128}, {1}}}});
        assertArrayEquals(new int[] {1, 2, 2, 1}, images.shape());
        assertArrayEquals(new float[] {0, 255, 128, 1}, images.toArray());
        assertEquals(Tensor.of(new float[] {3, 1, 4}), Tensor.of(new int[] {3, 1, 4}));
        assertEquals(Tensor.of(new float[][] {{1, 2}, {3, 4}}), Tensor.of(new int[][] {{1, 2}, {3, 4}}));
        assertArrayEquals(new int[] {1, 1, 2}, Tensor.of(new int[][][] {{{5, 6}}}).shape());
        assertArrayEquals(new int[] {1, 1, 1, 3}, Tensor.of(new float[][][][] {{{{1, 2, 3}}}}).shape());
    }

    @Test
    void rejectsRaggedNestedArraysNamingWhere() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(new float[][][] {{{1, 2}}, {{3}}}));
        assertEquals("values[1][0] has 1 values, but its first sibling has 2: nested arrays must be rectangular",
                error.getMessage());
    }

    @Test
    void findsTheLargestIndexAlongAnAxis() {
        Tensor scores = Tensor.of(new float[][] {{0.1f, 0.7f, 0.2f}, {0.5f, 0.4f, 0.5f}});
        assertEquals(Tensor.of(new float[] {1, 0}), scores.argmax(-1));
        assertEquals(Tensor.of(new float[] {1, 0, 1}), scores.argmax(0));
        Tensor cube = Tensor.of(new float[][][] {{{1, 9}, {5, 2}}, {{0, 0}, {7, 8}}});
        assertEquals(Tensor.of(new float[][] {{1, 0}, {1, 1}}), cube.argmax(1));
        assertThrows(IllegalArgumentException.class, () -> scores.argmax(2));
    }

    @Test
    void slicesAsPythonDoes() {
        Tensor x = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        assertEquals(Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}}), x.slice(0, 2));
        assertEquals(Tensor.of(new float[][] {{7, 8, 9}}), x.slice(-1, 3));
        assertEquals(Tensor.of(new float[][] {{2, 3}, {5, 6}, {8, 9}}), x.slice(1, 1, 3));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> x.slice(2, 5));
        assertEquals("slice [2, 5) is out of range for axis 0 of shape (3, 3)", error.getMessage());
    }

    @Test
    void computesArithmeticAsMethodsWithBroadcasting() {
        Tensor a = Tensor.of(new float[][] {{1, 2}, {3, 4}});
        Tensor row = Tensor.of(new float[] {10, 20});
        assertEquals(Tensor.of(new float[][] {{11, 22}, {13, 24}}), a.add(row));
        assertEquals(Tensor.of(new float[][] {{-9, -18}, {-7, -16}}), a.sub(row));
        assertEquals(Tensor.of(new float[][] {{10, 40}, {30, 80}}), a.mul(row));
        assertEquals(Tensor.of(new float[][] {{0.5f, 1}, {1.5f, 2}}), a.div(2));
        assertEquals(Tensor.of(new float[][] {{2, 3}, {4, 5}}), a.add(1));
        assertEquals(Tensor.of(new float[][] {{0, 1}, {2, 3}}), a.sub(1));
        assertEquals(Tensor.of(new float[][] {{3, 6}, {9, 12}}), a.mul(3));
        assertEquals(Tensor.of(new float[][] {{-1, -2}, {-3, -4}}), a.neg());
        assertEquals(Tensor.of(new float[][] {{7, 10}, {15, 22}}), a.matmul(a));
        assertEquals(Tensor.of(new float[][] {{1, 4}, {9, 16}}), a.square());
        assertEquals(10f, a.sum().item());
        assertEquals(2.5f, a.mean().item());
        assertEquals(Tensor.of(new float[] {4, 6}), a.sum(0));
        assertEquals(Tensor.of(new float[] {1.5f, 3.5f}), a.mean(-1));
        assertEquals(Tensor.of(new float[][] {{1, 3}, {2, 4}}), a.transpose(1, 0));
        assertArrayEquals(new int[] {4, 1}, a.reshape(-1, 1).shape());
        assertEquals(Tensor.of(new float[][] {{1, 2}, {3, 4}}), a.square().sqrt());
        assertEquals(2f, Tensor.of(new float[] {-2}).abs().item());
        assertEquals(0f, Tensor.of(new float[] {0}).exp().log().item());
    }

    @Test
    void carriesGradientsThroughItsMethods() {
        Tensor w = Tensor.of(new float[] {1, 2, 3}).asVariable();
        Tensor loss = w.mul(w).add(w.mul(2)).sum();
        // d/dw (w² + 2w) = 2w + 2.
        assertEquals(Tensor.of(new float[] {4, 6, 8}),
                org.backprop.nn.autograd.Gradients.of(loss, List.of(w)).get(0));
    }

    /** Moved to {@link org.backprop.nn.internal.TensorInternals}: student programs must not reach them. */
    private static final Set<String> BACKEND_ONLY = Set.of("internalValues", "values", "wrap", "onDevice", "derived",
            "creator", "softmaxOutput", "softmaxLogits", "reshaped", "deviceData", "attachDeviceData", "isOnHost");

    @Test
    void keepsWhatOnlyBackendsNeedOutOfItsPublicApi() {
        List<String> exposed = new ArrayList<>();
        for (Method method : Tensor.class.getMethods()) {
            if (BACKEND_ONLY.contains(method.getName())) {
                exposed.add(method.toString());
            }
        }
        assertEquals(List.of(), exposed, "backend-only methods are public on Tensor again");
    }

    @Test
    void namesNoInternalTypeInAPublicSignature() {
        List<String> leaks = new ArrayList<>();
        Stream<Executable> executables = Stream.concat(Arrays.stream(Tensor.class.getMethods()),
                Arrays.stream(Tensor.class.getConstructors()));
        executables.forEach(executable -> {
            List<Class<?>> types = new ArrayList<>(Arrays.asList(executable.getParameterTypes()));
            if (executable instanceof Method method) {
                types.add(method.getReturnType());
            }
            for (Class<?> type : types) {
                if (isInternal(type)) {
                    leaks.add(executable.toString());
                }
            }
        });
        Arrays.stream(Tensor.class.getFields()).filter(field -> isInternal(field.getType()))
                .map(Member::getName).forEach(leaks::add);
        assertEquals(List.of(), leaks);
    }

    private static boolean isInternal(Class<?> type) {
        Class<?> element = type.isArray() ? type.getComponentType() : type;
        return element.getName().startsWith("org.backprop.nn.internal.")
                || element == org.backprop.nn.autograd.Function.class;
    }
}
