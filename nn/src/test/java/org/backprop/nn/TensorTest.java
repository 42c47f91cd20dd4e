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
