package org.backprop.grader.compile;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.web.runtime.ProgramRuntime;

/**
 * Where the classes students compile against live on this machine: a jar, or a classes folder when
 * running from the Maven reactor. Found through the running JVM so that nothing needs configuring.
 */
final class CompileClasspath {
    private CompileClasspath() {
    }

    /** Returns the classpath student sources are compiled against: the nn library only. */
    static List<Path> student() {
        return List.of(locationOf(Tensor.class));
    }

    /** Returns the classpath the generated launcher is compiled against: nn and the web runtime. */
    static List<Path> launcher() {
        return List.of(locationOf(Tensor.class), locationOf(ProgramRuntime.class));
    }

    private static Path locationOf(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        URL url = type.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("Cannot find " + resource + " on the class path");
        }
        try {
            String text = url.toString();
            if (text.startsWith("jar:")) {
                return Path.of(new URL(text.substring(4, text.indexOf("!/"))).toURI());
            }
            Path classFile = Path.of(url.toURI());
            Path root = classFile;
            for (int i = 0; i < type.getName().split("\\.").length; i++) {
                root = root.getParent();
            }
            return root;
        } catch (URISyntaxException | java.net.MalformedURLException e) {
            throw new IllegalStateException("Cannot turn " + url + " into a file path", e);
        }
    }
}
