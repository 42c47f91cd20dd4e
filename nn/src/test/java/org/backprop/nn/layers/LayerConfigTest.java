package org.backprop.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerConfigTest {

    @Test
    void keepsNumbersAsJsonReadsThemBack() {
        LayerConfig config = new LayerConfig().put("filters", 16).put("momentum", 0.9f).put("kernel_size",
                new int[] {3, 3});
        assertEquals(Map.of("filters", 16.0, "momentum", 0.9, "kernel_size", List.of(3.0, 3.0)), config.asMap(),
                "a float is kept as its shortest decimal, 0.9 rather than 0.8999999761581421");
        assertEquals(config, LayerConfig.of(Map.of("filters", 16.0, "momentum", 0.9, "kernel_size",
                List.of(3.0, 3.0))));
        assertEquals(16, config.getInt("filters"));
        assertEquals(3, config.getSquare("kernel_size"));
        assertArrayEquals(new int[] {3, 3}, config.getInts("kernel_size"));
    }

    @Test
    void typedReadsSayWhatIsWrong() {
        LayerConfig config = LayerConfig.of(Map.of("units", 2.5, "kernel_size", List.of(3.0, 5.0), "padding", 1.0));
        assertEquals("\"units\" must be a whole number that fits in an int, got 2.5",
                assertThrows(IllegalArgumentException.class, () -> config.getInt("units")).getMessage());
        assertEquals("\"kernel_size\" must be a pair of equal whole numbers (nn's windows are square), got [3.0, 5.0]",
                assertThrows(IllegalArgumentException.class, () -> config.getSquare("kernel_size")).getMessage());
        assertEquals("\"padding\" must be a string, got 1.0",
                assertThrows(IllegalArgumentException.class, () -> config.getString("padding")).getMessage());
        assertEquals("the config has no \"filters\"",
                assertThrows(IllegalArgumentException.class, () -> config.getInt("filters")).getMessage());
        assertEquals(7, config.getInt("filters", 7));
        assertThrows(IllegalArgumentException.class, () -> new LayerConfig().put("weights", new float[] {1}));
    }
}
