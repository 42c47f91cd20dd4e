package org.backprop.server.similarity;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;

/**
 * A homework whose starter is a small training program ({@code Main.java}, {@code model/Net.java}), and the code
 * teams hand in for it: one team's own network, a copy of it with renamed variables and reordered methods, an honest
 * network of another team written independently, and the starter handed back unchanged.
 */
public final class JavaHomework {
    public static final String STARTER_MAIN = """
            import model.Net;

            public class Main {
                public static void main(String[] args) {
                    Net net = new Net(32, 0.01);
                    int epochs = 5;
                    for (int epoch = 1; epoch <= epochs; epoch++) {
                        double loss = net.step(epoch);
                        System.out.println("epoch " + epoch + " loss " + loss);
                        if (loss < 0.05) {
                            System.out.println("converged after " + epoch + " epochs");
                            break;
                        }
                    }
                    System.out.println("parameters: " + net.parameters());
                }
            }
            """;

    public static final String STARTER_NET = """
            package model;

            /** The network to complete: fill in step() and parameters(). */
            public class Net {
                private final int width;
                private final double rate;

                public Net(int width, double rate) {
                    this.width = width;
                    this.rate = rate;
                }

                public double step(int epoch) {
                    // TODO: one epoch of training; return the loss.
                    return 1.0 / epoch;
                }

                public int parameters() {
                    // TODO: count the weights.
                    return width;
                }
            }
            """;

    /** Team A's own network. */
    public static final String ORIGINAL_NET = """
            package model;

            /** Our network: a residual stack whose loss falls with a decaying learning rate. */
            public class Net {
                private final int width;
                private final double rate;
                private final double[] weights;

                public Net(int width, double rate) {
                    this.width = width;
                    this.rate = rate;
                    this.weights = new double[width * width];
                    for (int i = 0; i < weights.length; i++) {
                        weights[i] = Math.sin(i * 0.37) * 0.1;
                    }
                }

                public double step(int epoch) {
                    double decayed = rate / (1 + 0.5 * epoch);
                    double loss = 0;
                    for (int row = 0; row < width; row++) {
                        double residual = 0;
                        for (int col = 0; col < width; col++) {
                            double w = weights[row * width + col];
                            residual += w * w;
                            weights[row * width + col] = w - decayed * 2 * w;
                        }
                        loss += Math.sqrt(residual) / width;
                    }
                    return loss / (epoch * 0.8 + 0.2);
                }

                public int parameters() {
                    int counted = 0;
                    for (double w : weights) {
                        if (Math.abs(w) > 1e-9) {
                            counted++;
                        }
                    }
                    return counted + width;
                }

                public double norm() {
                    double sum = 0;
                    for (double w : weights) {
                        sum += Math.abs(w);
                    }
                    return sum / weights.length;
                }
            }
            """;

    /** Team B's copy of team A's network: the variables renamed, the methods in another order. */
    public static final String COPIED_NET = """
            package model;

            /** Network with residual layers and learning-rate decay. */
            public class Net {
                private final int size;
                private final double lr;
                private final double[] params;

                public Net(int size, double lr) {
                    this.size = size;
                    this.lr = lr;
                    this.params = new double[size * size];
                    for (int k = 0; k < params.length; k++) {
                        params[k] = Math.sin(k * 0.37) * 0.1;
                    }
                }

                public double norm() {
                    double total = 0;
                    for (double p : params) {
                        total += Math.abs(p);
                    }
                    return total / params.length;
                }

                public int parameters() {
                    int nonZero = 0;
                    for (double p : params) {
                        if (Math.abs(p) > 1e-9) {
                            nonZero++;
                        }
                    }
                    return nonZero + size;
                }

                public double step(int epoch) {
                    double currentLr = lr / (1 + 0.5 * epoch);
                    double error = 0;
                    for (int r = 0; r < size; r++) {
                        double acc = 0;
                        for (int c = 0; c < size; c++) {
                            double p = params[r * size + c];
                            acc += p * p;
                            params[r * size + c] = p - currentLr * 2 * p;
                        }
                        error += Math.sqrt(acc) / size;
                    }
                    return error / (epoch * 0.8 + 0.2);
                }
            }
            """;

    /** Team C's network, written on its own. */
    public static final String HONEST_NET = """
            package model;

            import java.util.ArrayList;
            import java.util.List;

            /** A stack of named blocks; each epoch halves the gap to the target loss. */
            public class Net {
                private final List<String> blocks = new ArrayList<>();
                private final double target;
                private double current = 1.0;

                public Net(int width, double rate) {
                    this.target = rate * 2;
                    String[] kinds = {"conv", "batchnorm", "relu", "separable", "add"};
                    while (blocks.size() < width / 4) {
                        blocks.add(kinds[blocks.size() % kinds.length] + "-" + blocks.size());
                    }
                }

                public double step(int epoch) {
                    current = target + (current - target) / 2;
                    StringBuilder trace = new StringBuilder();
                    blocks.forEach(name -> trace.append(name.charAt(0)));
                    return trace.length() > 0 ? current : current * 2;
                }

                public int parameters() {
                    return blocks.stream().mapToInt(String::length).sum() * 9;
                }
            }
            """;

    private JavaHomework() {
    }

    /** The assignment folder: a spec due at {@code localDue} (course time) and the starter. */
    public static Map<String, String> folder(String localDue) {
        return Map.of("assignment.yaml", Homework.spec(localDue).replace("files: [Main.java]",
                "files: [Main.java, model/Net.java]"), "Main.java", STARTER_MAIN, "model/Net.java", STARTER_NET);
    }

    /** Hands in the starter's Main and {@code net} as model/Net.java, with a report, as {@code student}. */
    public static Response submit(Homework homework, Fixtures.User student, String net, String report) {
        return Homework.as(student)
                .multiPart("source", "Main.java", STARTER_MAIN.getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("source", "model/Net.java", net.getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("report", "report.md", report.getBytes(StandardCharsets.UTF_8), "text/markdown")
                .post(homework.submissionsPath());
    }
}
