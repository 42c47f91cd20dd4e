package org.backprop.grader.sandbox;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cuts a sandboxed program off the network by starting it in a fresh Linux network namespace (util-linux's
 * {@code unshare}), where not even loopback is up: it can reach neither the server's database nor anything
 * else. Without root the namespace comes with a user namespace, which unprivileged processes may create on
 * most distributions. Where neither works the sandbox still runs programs, and says so once in the log.
 */
final class NetworkIsolation {
    private final List<String> prefix;

    private NetworkIsolation(List<String> prefix) {
        this.prefix = prefix;
    }

    /** Finds the first way to start a process without network that works on this machine. */
    static NetworkIsolation detect() {
        for (List<String> candidate : List.of(List.of("unshare", "--net"),
                List.of("unshare", "--user", "--map-root-user", "--net"))) {
            if (works(candidate)) {
                return new NetworkIsolation(candidate);
            }
        }
        System.getLogger(NetworkIsolation.class.getName()).log(System.Logger.Level.WARNING,
                "unshare cannot create a network namespace here: sandboxed programs are not cut off the network");
        return new NetworkIsolation(List.of());
    }

    private static boolean works(List<String> candidate) {
        List<String> command = new java.util.ArrayList<>(candidate);
        command.add("true");
        try {
            Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Returns whether programs run without network. */
    boolean active() {
        return !prefix.isEmpty();
    }

    /** Returns {@code command} run inside the isolation. */
    List<String> wrap(List<String> command) {
        List<String> wrapped = new java.util.ArrayList<>(prefix);
        wrapped.addAll(command);
        return wrapped;
    }
}
