import java.nio.file.Path;
import org.backprop.nn.internal.DatasetInternals;
import org.backprop.nn.internal.FolderDatasetSource;

/** Runs the benchmark's Main on the JVM (CPU backend) with datasets from a folder, as a runtime installs them. */
public class JvmRunner {
    public static void main(String[] args) {
        DatasetInternals.use(new FolderDatasetSource(Path.of(args[0])));
        Main.main(new String[0]);
    }
}
