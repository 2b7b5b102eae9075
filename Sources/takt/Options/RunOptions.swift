import ArgumentParser
import TaktScenario

/// Options shared by the commands that simulate.
struct RunOptions: ParsableArguments {
    @Option(help: "Master seed (default: the scenario's run.seed). The same seed gives the same results.")
    var seed: UInt64?

    @Option(help: "Number of independent replications (default: the scenario's run.replications).")
    var replications: Int?

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

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
        if let threads, threads < 1 {
            throw ValidationError("--threads must be at least 1, got \(threads)")
        }
    }
}
