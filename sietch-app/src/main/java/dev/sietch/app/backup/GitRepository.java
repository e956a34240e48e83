package dev.sietch.app.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The backup repository, driven through the {@code git} command (which the host must have). */
final class GitRepository {

    private static final Duration LOCAL = Duration.ofMinutes(1);
    private static final Duration REMOTE = Duration.ofMinutes(5);
    /** Credentials in a remote URL ({@code https://user:token@host}) never reach the output. */
    private static final Pattern CREDENTIALS = Pattern.compile("://[^/@\\s]+@");

    private final Path directory;

    GitRepository(Path directory) {
        this.directory = directory;
    }

    /** Fails with a clear message when git is not installed. */
    static void requireGit() throws BackupException {
        try {
            if (!HostCommand.run(List.of("git", "--version"), null, Map.of(), LOCAL).ok()) {
                throw new BackupException("git --version failed; backups are kept in a git repository");
            }
        } catch (IOException e) {
            throw new BackupException("git is not installed (backups are kept in a git repository): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException("interrupted");
        }
    }

    /** Creates the repository if the directory is not one yet. */
    void ensure() throws BackupException {
        if (Files.isDirectory(directory.resolve(".git"))) {
            return;
        }
        check(run(LOCAL, "init", "--quiet"), "git init");
    }

    void commitAll(String message) throws BackupException {
        check(run(LOCAL, "add", "--all", "backups"), "git add");
        List<String> commit = new ArrayList<>(List.of("commit", "--quiet", "--message", message));
        if (!run(LOCAL, "config", "--get", "user.email").ok()) {
            // a repository without an identity still takes the commit, under the service's name
            commit.addAll(0, List.of("-c", "user.name=Sietch backup", "-c", "user.email=sietch-backup@localhost"));
        }
        check(run(LOCAL, commit.toArray(String[]::new)), "git commit");
    }

    /** The first remote's name, if the repository has one. */
    java.util.Optional<String> remote() throws BackupException {
        HostCommand.Outcome remotes = run(LOCAL, "remote");
        check(remotes, "git remote");
        return remotes.output().lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst();
    }

    HostCommand.Outcome push(String remote) throws BackupException {
        return run(REMOTE, "push", "--quiet", remote, "HEAD");
    }

    private static void check(HostCommand.Outcome outcome, String what) throws BackupException {
        if (!outcome.ok()) {
            throw new BackupException(what + " failed (exit " + outcome.exitCode() + "): " + outcome.output().strip());
        }
    }

    private HostCommand.Outcome run(Duration timeout, String... arguments) throws BackupException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(arguments));
        // never wait for a password prompt: the backup runs unattended
        var environment = new java.util.HashMap<String, String>(Map.of("GIT_TERMINAL_PROMPT", "0"));
        if (System.getenv("GIT_SSH_COMMAND") == null) {
            environment.put("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
        }
        try {
            HostCommand.Outcome outcome = HostCommand.run(command, directory, environment, timeout);
            return new HostCommand.Outcome(outcome.exitCode(), CREDENTIALS.matcher(outcome.output()).replaceAll("://***@"));
        } catch (IOException e) {
            throw new BackupException("cannot run git: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException("interrupted");
        }
    }
}
