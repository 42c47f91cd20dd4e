package org.backprop.grader.io;

import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Finds the jar, or the classes folder when running from the Maven reactor, that a class comes from on this
 * machine. Asks the class loader for the class file rather than the class's code source, which works alike under the
 * plain JVM, Maven's test runner and Quarkus's class loaders.
 */
public final class CodeLocations {
    private CodeLocations() {
    }

    /** Returns where {@code className} (e.g. {@code org.backprop.nn.Tensor}) is loaded from by {@code loader}. */
    public static Path of(ClassLoader loader, String className) {
        String resource = className.replace('.', '/') + ".class";
        URL url = loader.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("Cannot find " + resource + " on the class path");
        }
        try {
            String text = url.toString();
            if (text.startsWith("jar:")) {
                return Path.of(new URL(text.substring(4, text.indexOf("!/"))).toURI());
            }
            Path root = Path.of(url.toURI());
            for (int i = 0; i < className.split("\\.").length; i++) {
                root = root.getParent();
            }
            return root;
        } catch (URISyntaxException | MalformedURLException e) {
            throw new IllegalStateException("Cannot turn " + url + " into a file path", e);
        }
    }
}
