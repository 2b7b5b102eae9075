import ArgumentParser
import Foundation
import TaktScenario

/// The `takt` command: run, check and compare factory scenarios.
@main
struct Takt: ParsableCommand {
    /// Takt's release number, shared with the analyst kit takt_h5 (CHANGELOG.md, "Versions";
    /// scripts/tests/test_versions.py checks that all copies agree).
    static let version = "1.3.0"

    static let configuration = CommandConfiguration(
        commandName: "takt",
        abstract: "Takt: a discrete-event factory digital twin.",
        discussion: """
            Describe a line in a YAML scenario file, run it with replications, and read its KPIs \
            with confidence intervals.

            Examples:
              takt run                               # the default scenario
              takt run scenarios/queue-mm5.yaml --replications 20 --json
              takt validate scenarios/queue-mm5.yaml
              takt schedule ft10.txt --time-limit 10s
              takt report results/line.h5
            """,
        version: version,
        subcommands: [Run.self, Compare.self, ScheduleCommand.self, Train.self, Validate.self, Inspect.self,
                      Report.self,
                      Export.self,
                      SweepCommand.self, Version.self],
        defaultSubcommand: nil)

    /// Runs the command; input and usage errors print one clear message and exit with code 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            do {
                try command.run()
            } catch {
                finishStandardOutput()
                throw error
            }
            finishStandardOutput()
        } catch let error as ScenarioError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(ExitCode.inputError)
        } catch let error as InputError {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            Foundation.exit(ExitCode.inputError)
        } catch let error as RunError {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            Foundation.exit(ExitCode.runFailed)
        } catch {
            if exitCode(for: error) == .success || error is CleanExit { exit(withError: error) }
            if let exit = error as? ArgumentParser.ExitCode { Foundation.exit(exit.rawValue) }
            let message = fullMessage(for: error)
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(ExitCode.inputError)
        }
    }
}

/// Flushes standard output; if anything printed could not be written (a full disk, a closed
/// pipe), says so on standard error and exits with `ExitCode.outputError`, so a script never
/// mistakes a truncated `--json` for a result.
func finishStandardOutput() {
    errno = 0
    guard fflush(nil) != 0 else { return }   // every stream; fails if any write failed
    let reason = errno != 0 ? String(cString: strerror(errno)) : "write error"
    FileHandle.standardError.write(Data("error: cannot write to standard output: \(reason)\n".utf8))
    Foundation.exit(ExitCode.outputError)
}

/// Exit statuses of `takt`.
enum ExitCode {
    /// The input was accepted but the work failed: a run stopped by a limit or a model error, or
    /// its output could not be written (a full disk). What a sweep records for such a run.
    static let runFailed: Int32 = 1
    /// Standard output could not be written (full or closed): the same status as a failed run.
    static let outputError: Int32 = runFailed
    /// Bad input or usage: a scenario that fails to load, an unknown option.
    static let inputError: Int32 = 2
}

/// A problem with the user's input that is not tied to a line of a scenario file.
struct InputError: Error {
    var message: String
}

/// Work that failed after its input was accepted (the run itself, or writing what it produced):
/// exit status 1, where a rejected input is 2.
struct RunError: Error {
    var message: String
}
