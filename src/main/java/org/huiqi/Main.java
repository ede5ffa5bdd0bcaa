package org.huiqi;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.huiqi.impact.ImpactCommands;
import org.huiqi.rules.StaffCommands;

/**
 * Starts the service, or, given {@code validate}, {@code test}, {@code new}, {@code population} or
 * {@code impact}, runs that command and exits without starting the HTTP server.
 */
@QuarkusMain
public class Main {
    public static void main(String... args) {
        if (StaffCommands.handles(args)) {
            System.exit(StaffCommands.run(args, System.out));
        }
        if (ImpactCommands.handles(args)) {
            System.exit(ImpactCommands.run(args, System.out, System.err));
        }
        Quarkus.run(args);
    }
}
