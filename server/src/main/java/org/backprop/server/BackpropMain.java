package org.backprop.server;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import org.backprop.server.database.EmbeddedDatabase;

/**
 * Starts the platform. In the demo profile it first starts an embedded PostgreSQL whose data lives under
 * the user's home, so that one command runs everything on a fresh machine.
 */
@QuarkusMain
public final class BackpropMain {
    private static final String DEMO_PROFILE = "demo";

    private BackpropMain() {
    }

    public static void main(String... args) {
        String profile = System.getProperty("quarkus.profile", System.getenv().getOrDefault("QUARKUS_PROFILE", "prod"));
        if (DEMO_PROFILE.equals(profile)) {
            Path dataDir = Path.of(System.getProperty("user.home"), ".backprop", profile + "-db");
            EmbeddedDatabase database = EmbeddedDatabase.startPersistent(dataDir);
            database.datasourceConfig().forEach(System::setProperty);
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
        } else if ("prod".equals(profile) && System.getenv("BACKPROP_DB_URL") == null) {
            // Without this, Quarkus fails later with a message about inactive beans that explains nothing.
            System.err.println("Backprop needs a PostgreSQL database in production: set BACKPROP_DB_URL (a JDBC URL),"
                    + " BACKPROP_DB_USER and BACKPROP_DB_PASSWORD. To try Backprop with an embedded database and a"
                    + " demo course, run bin/backprop-demo instead.");
            System.exit(2);
        }
        Quarkus.run(args);
    }
}
