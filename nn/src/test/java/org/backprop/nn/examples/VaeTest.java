package org.backprop.nn.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.optim.Adam;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.records.RunStatus;
import org.junit.jupiter.api.Test;

/** The book's VAE, custom training step and all, learns real digits from a fixed seed (CPU). */
class VaeTest {

    @Test
    void learnsToReconstructDigitsThroughItsOwnTrainStep() throws Exception {
        Tensor digits = Digits.load(Path.of(System.getProperty("backprop.nodeModules"))).slice(0, 1024).features();
        RandomSeed.set(3);
        Vae vae = new Vae(Vae.encoder(28, 2), Vae.decoder(28, 2));
        vae.compile(new Adam(1e-3));
        History history = vae.fit(digits, FitOptions.epochs(6).batchSize(64).verbose(0).runName("vae"));

        assertEquals(List.of("total_loss", "reconstruction_loss", "kl_loss"), history.metrics());
        List<Double> total = history.get("total_loss");
        assertTrue(total.get(total.size() - 1) < 0.8 * total.get(0), () -> "total_loss per epoch " + total);
        RunRecord record = history.runRecord();
        assertEquals(RunStatus.completed(), record.status());
        assertEquals("custom_train_step", record.loss().name());
        assertEquals(history.asMap(), record.history());
    }
}
