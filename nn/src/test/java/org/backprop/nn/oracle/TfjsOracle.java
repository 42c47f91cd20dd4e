package org.backprop.nn.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.backprop.nn.Tensor;

/**
 * Runs {@code src/test/oracle/tfjs-oracle.mjs} once for a whole list of cases and returns what TensorFlow.js
 * computed: for each case name, its named result tensors. Where Node, the script and {@code node_modules} are
 * comes from the system properties {@code backprop.node}, {@code backprop.tfjsOracle} and
 * {@code backprop.nodeModules}, which the module's surefire configuration sets.
 */
final class TfjsOracle {
    private static final long TIMEOUT_SECONDS = 120;

    private TfjsOracle() {
    }

    /** Returns, for each case name, TensorFlow.js's results by result name. */
    static Map<String, Map<String, Tensor>> run(List<OracleCase> cases) throws IOException, InterruptedException {
        Path script = Path.of(property("backprop.tfjsOracle"));
        Path nodeModules = Path.of(property("backprop.nodeModules"));
        if (!Files.isDirectory(nodeModules.resolve("@tensorflow/tfjs-core"))) {
            throw new IllegalStateException("TensorFlow.js is not installed in " + nodeModules
                    + ": run `npm ci` in the repository root");
        }
        Path directory = Files.createTempDirectory("tfjs-oracle");
        Path casesFile = directory.resolve("cases.json");
        Path resultsFile = directory.resolve("results.json");
        Path log = directory.resolve("node.log");
        try {
            StringBuilder json = new StringBuilder("{\"cases\":[");
            for (int i = 0; i < cases.size(); i++) {
                json.append(i > 0 ? ",\n" : "").append(cases.get(i).spec());
            }
            Files.writeString(casesFile, json.append("]}").toString(), StandardCharsets.UTF_8);
            Process node = new ProcessBuilder(System.getProperty("backprop.node", "node"), script.toString(),
                    nodeModules.toString(), casesFile.toString(), resultsFile.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new IllegalStateException("the TensorFlow.js oracle ran longer than " + TIMEOUT_SECONDS
                        + " s:\n" + Files.readString(log));
            }
            if (node.exitValue() != 0) {
                throw new IllegalStateException("the TensorFlow.js oracle failed with exit status " + node.exitValue()
                        + ":\n" + Files.readString(log));
            }
            return results(Json.parse(Files.readString(resultsFile, StandardCharsets.UTF_8)));
        } finally {
            for (Path file : List.of(casesFile, resultsFile, log, directory)) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static Map<String, Map<String, Tensor>> results(Object parsed) {
        Map<String, Map<String, Tensor>> results = new LinkedHashMap<>();
        for (Map.Entry<?, ?> perCase : ((Map<?, ?>) parsed).entrySet()) {
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Map.Entry<?, ?> result : ((Map<?, ?>) perCase.getValue()).entrySet()) {
                tensors.put((String) result.getKey(), Json.toTensor(result.getValue()));
            }
            results.put((String) perCase.getKey(), tensors);
        }
        return results;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; nn/pom.xml's surefire"
                    + " configuration sets it");
        }
        return value;
    }
}
