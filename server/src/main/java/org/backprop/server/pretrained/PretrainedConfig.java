package org.backprop.server.pretrained;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/** Settings of pretrained models, under {@code backprop.pretrained}. */
@ConfigMapping(prefix = "backprop.pretrained")
public interface PretrainedConfig {
    /**
     * The largest model file staff may upload (VGG16 saved whole is about 530 MB). The server reads a model into
     * memory once to check that it rebuilds, so this bounds that memory too.
     */
    MemorySize maxUploadSize();
}
