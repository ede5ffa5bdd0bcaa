package org.huiqi;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.huiqi.rules.StaffCommands;

/**
 * Starts the service, or, given {@code validate}, {@code test} or {@code new}, runs that staff command and
 * exits without starting the HTTP server.
 */
@QuarkusMain
public class Main {
    public static void main(String... args) {
        if (StaffCommands.handles(args)) {
            System.exit(StaffCommands.run(args, System.out));
        }
        Quarkus.run(args);
    }
}
