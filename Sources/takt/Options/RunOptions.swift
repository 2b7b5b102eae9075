import ArgumentParser
import TaktScenario

/// Options shared by the commands that simulate.
struct RunOptions: ParsableArguments {
    @Option(help: "Master seed (default: the scenario's run.seed). The same seed gives the same results.")
    var seed: UInt64?

    @Option(help: "Number of independent replications (default: the scenario's run.replications).")
    var replications: Int?

    @Option(help: "Replications run at once, one thread each (default: all cores). Results do not depend on it.")
    var jobs: Int?

    /// `--threads`, the old name of `--jobs` (before 1.2.0), kept working for existing scripts.
    @Option(name: .customLong("threads"), help: .hidden)
    var threads: Int?

    /// The number of replications run at a time: `--jobs`, or the old `--threads`.
    var concurrency: Int? { jobs ?? threads }

    @Option(name: .customLong("max-events"),
            help: """
                Most events one replication may run before it stops with an error (default: the scenario's \
                run.max_events, 1e10).
                """)
    var maxEvents: Int?

    @Flag(help: "Print the results as JSON on standard output instead of a table.")
    var json = false

    func validate() throws {
        if let replications, !(1...InputLimits.mostReplications).contains(replications) {
            throw ValidationError("--replications must be from 1 to \(InputLimits.mostReplications), got "
                                      + "\(replications)")
        }
        if let maxEvents, maxEvents < 1 {
            throw ValidationError("--max-events must be at least 1, got \(maxEvents)")
        }
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs must be at least 1, got \(jobs)")
        }
        if let threads, threads < 1 {
            throw ValidationError("--threads must be at least 1, got \(threads)")
        }
        if jobs != nil && threads != nil {
            throw ValidationError("--threads is the old name of --jobs; give only --jobs")
        }
    }
}
