package org.backprop.server.database;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link EmbeddedDatabaseTestResource} once for all tests of this module. */
@QuarkusTestResource(value = EmbeddedDatabaseTestResource.class, restrictToAnnotatedClass = false)
public final class UsesEmbeddedDatabase {
    private UsesEmbeddedDatabase() {
    }
}
