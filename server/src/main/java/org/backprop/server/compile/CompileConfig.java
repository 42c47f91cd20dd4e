package org.backprop.server.compile;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.time.Duration;

/** Settings of the compile service, under {@code backprop.compile}. */
@ConfigMapping(prefix = "backprop.compile")
public interface CompileConfig {
    /** Where temporary class and script folders go. */
    Path workDir();

    /** How many distinct programs' compile results to keep. */
    int cacheEntries();

    /** How many compiles may run at once; TeaVM uses a core and a few hundred MiB each. */
    int maxConcurrent();

    /** How many programs one account may compile per {@link #rateWindow()}; answers from the cache are free. */
    int ratePerAccount();

    Duration rateWindow();
}
