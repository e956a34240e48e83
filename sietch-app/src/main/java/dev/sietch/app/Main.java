package dev.sietch.app;

import dev.sietch.app.cli.SietchCommand;

/** Entry point of the {@code sietch} launcher. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int exitCode = SietchCommand.run(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
