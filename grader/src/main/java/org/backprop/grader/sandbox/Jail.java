package org.backprop.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Builds the bubblewrap command that jails one sandboxed process: new network, PID, IPC and UTS namespaces (no
 * network at all, not even loopback; no other process visible), the system folders read-only, an empty
 * environment but what the caller sets, small private {@code /tmp} and home folders, and the read-only folders the
 * caller names. Nothing else of the host exists inside: no {@code /root}, {@code /home}, server data or sockets.
 *
 * <p>The process inside never has privileges. Started by root, bubblewrap sets the jail up and {@code setpriv}
 * switches to an unprivileged user (the configured uid, {@code nobody} by default) with every capability gone,
 * an empty bounding set and no-new-privileges, before the jailed command starts; so {@code nsenter} or a mount
 * cannot undo the jail. Started by anyone else, bubblewrap also creates a user namespace and drops all
 * capabilities inside it. Either way the program may not create user namespaces of its own.
 *
 * <p>{@link #detect} proves that the jail works on this machine by running a probe inside it; where it does not,
 * the reason is kept for the operator, and the sandbox refuses to run programs (it fails closed).
 */
public final class Jail {
    /** The jailed process's home: a private tmpfs. */
    static final String HOME = "/home/sandbox";

    private static final List<String> SYSTEM_FOLDERS = List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64");
    /** The few files of /etc that programs need: the loader's cache, OpenSSL's settings (Node reads them). */
    private static final List<String> ETC_FILES = List.of("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ssl/openssl.cnf");
    /** Vulkan drivers may register in /etc as well as in /usr/share. */
    private static final List<String> ETC_FOLDERS = List.of("/etc/vulkan", "/etc/glvnd");
    /** How much the private writable folders may hold; it counts against the run's memory too. */
    private static final long WRITABLE_BYTES = 64L * 1024 * 1024;

    private final String bwrap;
    private final int uid;
    private final boolean asRoot;
    private final String unavailableReason;

    private Jail(String bwrap, int uid, boolean asRoot, String unavailableReason) {
        this.bwrap = bwrap;
        this.uid = uid;
        this.asRoot = asRoot;
        this.unavailableReason = unavailableReason;
    }

    /**
     * Finds bubblewrap and runs a probe inside a jail to prove it works here.
     *
     * @param bwrapExecutable bubblewrap's name on PATH ({@code bwrap}) or its path
     * @param uid the unprivileged user programs run as when the server runs as root
     */
    public static Jail detect(String bwrapExecutable, int uid) {
        String bwrap = Executables.find(bwrapExecutable);
        if (bwrap == null) {
            return new Jail(null, uid, false, "bubblewrap (bwrap) is not installed: install the Debian package"
                    + " bubblewrap");
        }
        if (Executables.find("setpriv") == null) {
            return new Jail(null, uid, false, "setpriv is not installed: install the Debian package util-linux");
        }
        boolean root = "root".equals(System.getProperty("user.name")) || isRootByProc();
        Jail candidate = new Jail(bwrap, uid, root, null);
        String failure = candidate.probe();
        return failure == null ? candidate : new Jail(null, uid, root, failure);
    }

    private static boolean isRootByProc() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (IOException e) {
            // Not Linux: bubblewrap will not work anyway, and the probe says so.
        }
        return false;
    }

    /** Returns null when a jailed {@code true} runs without network as an unprivileged user, else why not. */
    private String probe() {
        List<String> command = command(Map.of(), List.of(), List.of("/bin/sh", "-c",
                "test \"$(id -u)\" != 0 && ! test -e /sys/class/net/lo/operstate -a \"$(cat /sys/class/net/lo/operstate"
                        + " 2>/dev/null)\" = up && echo jailed"));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "bubblewrap did not start a jailed process within 20 s";
            }
            return process.exitValue() == 0 && output.endsWith("jailed") ? null
                    : "bubblewrap cannot create the sandbox's namespaces here (" + output.replace('\n', ' ') + ")";
        } catch (IOException e) {
            return "bubblewrap could not be started: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while probing bubblewrap";
        }
    }

    /** Returns whether programs can be jailed on this machine. */
    public boolean available() {
        return unavailableReason == null;
    }

    /** Returns why programs cannot be jailed here, or null when they can. */
    public String unavailableReason() {
        return unavailableReason;
    }

    /** Returns the command that runs {@code program} in the jail with nothing of the host's writable. */
    List<String> command(Map<String, String> environment, List<Bind> readOnly, List<String> program) {
        return command(environment, readOnly, List.of(), program);
    }

    /**
     * Returns the command that runs {@code program} in the jail.
     *
     * @param environment the jailed process's whole environment
     * @param readOnly host folders or files the process may read, and where it sees them, in mount order: one
     *     inside a folder bound before it covers a file or folder that exists in that folder
     * @param writable host folders the process may write (the jailed user must own them), and where it sees them
     */
    public List<String> command(Map<String, String> environment, List<Bind> readOnly, List<Bind> writable,
            List<String> program) {
        if (!available()) {
            throw new IllegalStateException("The sandbox is unavailable: " + unavailableReason);
        }
        List<String> command = new ArrayList<>(List.of(bwrap, "--die-with-parent", "--new-session", "--clearenv",
                "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
                "--hostname", "sandbox"));
        if (!asRoot) {
            command.addAll(List.of("--unshare-user", "--disable-userns", "--uid", String.valueOf(uid), "--gid",
                    String.valueOf(uid), "--cap-drop", "ALL"));
        }
        for (String folder : SYSTEM_FOLDERS) {
            Path path = Path.of(folder);
            if (Files.isSymbolicLink(path)) {
                command.addAll(List.of("--symlink", readLink(path), folder));
            } else if (Files.isDirectory(path)) {
                command.addAll(List.of("--ro-bind", folder, folder));
            }
        }
        // The private folders come before the caller's binds, so that a bound folder under /tmp or /home (a scratch
        // folder, a checkout) is mounted on top of them rather than hidden by them.
        command.addAll(List.of("--dev", "/dev"));
        for (String device : GpuDevices.present()) {
            command.addAll(List.of("--dev-bind", device, device));
        }
        command.addAll(List.of("--proc", "/proc",
                "--perms", "1777", "--size", String.valueOf(WRITABLE_BYTES), "--tmpfs", "/tmp",
                "--perms", "0755", "--dir", "/home",
                "--perms", "0777", "--size", String.valueOf(WRITABLE_BYTES), "--tmpfs", HOME));
        Set<String> made = new LinkedHashSet<>(List.of("/tmp", "/home", HOME));
        for (String file : ETC_FILES) {
            if (Files.isRegularFile(Path.of(file))) {
                makeParents(command, made, Path.of(file));
                command.addAll(List.of("--ro-bind", file, file));
            }
        }
        for (String folder : ETC_FOLDERS) {
            if (Files.isDirectory(Path.of(folder), LinkOption.NOFOLLOW_LINKS)) {
                makeParents(command, made, Path.of(folder));
                command.addAll(List.of("--ro-bind", folder, folder));
            }
        }
        List<Path> bound = new ArrayList<>();
        for (Bind bind : readOnly) {
            Path inside = Path.of(bind.inside());
            // Inside /usr or a folder bound before, the mount point is the caller's (it cannot be made in a
            // read-only bind): a later bind may only cover a file or folder that exists there.
            if (!bind.inside().startsWith("/usr/") && bound.stream().noneMatch(inside::startsWith)) {
                makeParents(command, made, inside);
            }
            command.addAll(List.of("--ro-bind", bind.host().toString(), bind.inside()));
            bound.add(inside);
        }
        for (Bind bind : writable) {
            makeParents(command, made, Path.of(bind.inside()));
            command.addAll(List.of("--bind", bind.host().toString(), bind.inside()));
        }
        command.addAll(List.of("--chdir", HOME));
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            command.addAll(List.of("--setenv", variable.getKey(), variable.getValue()));
        }
        command.add("--");
        if (asRoot) {
            command.addAll(List.of(Executables.find("setpriv"), "--reuid=" + uid, "--regid=" + uid, "--clear-groups",
                    "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"));
            // A second, unprivileged bubblewrap: a user namespace of its own in which no further one may be made,
            // so the program cannot reach the kernel's namespace code with capabilities (unshare -r).
            command.addAll(List.of(bwrap, "--unshare-user", "--disable-userns", "--uid", String.valueOf(uid), "--gid",
                    String.valueOf(uid), "--cap-drop", "ALL", "--dev-bind", "/", "/", "--"));
        }
        command.addAll(program);
        return command;
    }

    /** Creates each missing parent folder of {@code path} readable by the jailed user (bubblewrap's are 0700). */
    private static void makeParents(List<String> command, Set<String> made, Path path) {
        List<Path> parents = new ArrayList<>();
        for (Path parent = path.getParent(); parent != null && parent.getParent() != null; parent = parent.getParent()) {
            parents.add(0, parent);
        }
        for (Path parent : parents) {
            if (made.add(parent.toString())) {
                command.addAll(List.of("--perms", "0755", "--dir", parent.toString()));
            }
        }
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the link " + link, e);
        }
    }

    /** Returns the user the jailed process runs as when the server is root, who must own its writable folders. */
    public int uid() {
        return uid;
    }

    /** Returns whether the server runs as root (and so hands the jailed user its writable folders). */
    public boolean startedByRoot() {
        return asRoot;
    }

    /** A host path bound at {@code inside} in the jail. */
    public record Bind(Path host, String inside) {
        /** Binds {@code host} at the same path inside. */
        public static Bind same(Path host) {
            return new Bind(host, host.toString());
        }
    }
}
