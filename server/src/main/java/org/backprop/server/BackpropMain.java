package org.backprop.server;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.Set;
import org.backprop.server.database.EmbeddedDatabase;

/**
 * Starts the platform. Outside production it first starts an embedded PostgreSQL whose data lives under
 * the user's home, so that one command runs everything on a fresh machine.
 */
@QuarkusMain
public final class BackpropMain {
    private static final Set<String> EMBEDDED_DATABASE_PROFILES = Set.of("demo", "dev");

    private BackpropMain() {
    }

    public static void main(String... args) {
        String profile = System.getProperty("quarkus.profile", System.getenv().getOrDefault("QUARKUS_PROFILE", "prod"));
        if (EMBEDDED_DATABASE_PROFILES.contains(profile)) {
            Path dataDir = Path.of(System.getProperty("user.home"), ".backprop", profile + "-db");
            EmbeddedDatabase database = EmbeddedDatabase.startPersistent(dataDir);
            database.datasourceConfig().forEach(System::setProperty);
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
        }
        Quarkus.run(args);
    }
}
