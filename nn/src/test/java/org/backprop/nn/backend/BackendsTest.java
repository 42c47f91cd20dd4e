package org.backprop.nn.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.backprop.nn.backend.cpu.CpuBackend;
import org.backprop.nn.internal.BackendInternals;
import org.junit.jupiter.api.Test;

class BackendsTest {

    @Test
    void letsProgramsReadTheBackendButNotChooseIt() {
        List<String> publicMethods = Arrays.stream(Backends.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers())).map(Method::getName).toList();
        assertEquals(List.of("current"), publicMethods);
    }

    @Test
    void computesWithTheBackendTheRuntimeInstalled() {
        Backend previous = Backends.current();
        Backend installed = new CpuBackend();
        try {
            BackendInternals.use(installed);
            assertSame(installed, Backends.current());
        } finally {
            BackendInternals.use(previous);
        }
        assertSame(previous, Backends.current());
        assertThrows(IllegalArgumentException.class, () -> BackendInternals.use(null));
    }
}
