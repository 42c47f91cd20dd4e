package org.backprop.server.database;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Gives every {@code @QuarkusTest} a real, throw-away PostgreSQL. */
public class EmbeddedDatabaseTestResource implements QuarkusTestResourceLifecycleManager {
    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        database = EmbeddedDatabase.startTemporary();
        return database.datasourceConfig();
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
