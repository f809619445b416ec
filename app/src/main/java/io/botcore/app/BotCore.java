package io.botcore.app;

import io.botcore.app.cli.AiCommand;
import io.botcore.app.cli.AuditCommand;
import io.botcore.app.cli.BacktestCommand;
import io.botcore.app.cli.BackupCommand;
import io.botcore.app.cli.RestoreCommand;
import io.botcore.app.cli.VerifyBackupCommand;
import io.botcore.app.cli.BenchCommand;
import io.botcore.app.cli.CliFailure;
import io.botcore.app.cli.DbCommand;
import io.botcore.app.cli.DemoCommand;
import io.botcore.app.cli.DrDrillCommand;
import io.botcore.app.cli.DownloadDataCommand;
import io.botcore.app.cli.ImportDataCommand;
import io.botcore.app.cli.OptimizeCommand;
import io.botcore.app.cli.KillSwitchCommand;
import io.botcore.app.cli.MaintenanceCommand;
import io.botcore.app.cli.LogLevelCommand;
import io.botcore.app.cli.SecurityCheckCommand;
import io.botcore.app.cli.SecurityCommand;
import io.botcore.app.cli.EngineCommand;
import io.botcore.app.cli.GenerateSecretsCommand;
import io.botcore.app.cli.StatusCommand;
import io.botcore.app.cli.TestCommand;
import io.botcore.app.cli.UserCommand;
import io.botcore.app.cli.ValidateEnvCommand;
import io.botcore.app.cli.WalkForwardCommand;
import io.botcore.platform.BuildInfo;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bot-core} command line: one executable jar, one subcommand per task. */
@Command(name = "bot-core", mixinStandardHelpOptions = true, versionProvider = BotCore.Version.class,
        description = "Self-hosted crypto trading platform: trading engine, AI service, operations kit.",
        subcommands = {
            DemoCommand.class, EngineCommand.class, AiCommand.class, DbCommand.class, StatusCommand.class,
            ValidateEnvCommand.class, GenerateSecretsCommand.class, UserCommand.class, AuditCommand.class,
            LogLevelCommand.class, KillSwitchCommand.class, SecurityCommand.class, SecurityCheckCommand.class,
            DownloadDataCommand.class, ImportDataCommand.class,
            BacktestCommand.class, OptimizeCommand.class, WalkForwardCommand.class,
            BackupCommand.class, RestoreCommand.class, VerifyBackupCommand.class, MaintenanceCommand.class,
            DrDrillCommand.class,
            BenchCommand.class, TestCommand.class,
            CommandLine.HelpCommand.class})
public final class BotCore {

    public static void main(String[] args) {
        ParentWatch.exitWhenParentDies();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run a command in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new BotCore())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(BotCore::failure);
    }

    private static int failure(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        if (e instanceof CliFailure failure) {
            System.err.println(command.getCommandName() + ": " + failure.getMessage());
            return failure.exitCode();
        }
        System.err.println(command.getCommandName() + ": " + e);
        return 1;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"bot-core " + BuildInfo.version()};
        }
    }
}
