package org.backprop.server.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Serves the web app's page for the addresses its client-side router owns, so that a reload or a shared link to,
 * say, {@code /assignments/7/workspace} opens that screen instead of a 404. The API, the static files and
 * everything else keep their own routes: only these first path segments are the app's.
 */
@ApplicationScoped
public class AppRoutes {
    /** The first path segment of every screen of the app (web/src/main/ui/app.js). */
    static final List<String> SCREENS = List.of("sign-in", "password-setup", "courses", "team-sets", "playground",
            "assignments", "review", "console");

    void register(@Observes Router router) {
        String pattern = "^/(" + String.join("|", SCREENS) + ")(/[^.]*)?$";
        router.getWithRegex(pattern).order(-1).handler(context -> context.reroute("/index.html"));
    }
}
