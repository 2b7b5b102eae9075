import ArgumentParser

/// Options shared by the commands that simulate.
struct RunOptions: ParsableArguments {
    @Option(help: "Master seed (default: the scenario's run.seed). The same seed gives the same results.")
    var seed: UInt64?

    @Option(help: "Number of independent replications (default: the scenario's run.replications).")
    var replications: Int?

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Flag(help: "Print the results as JSON on standard output instead of a table.")
    var json = false

    func validate() throws {
        if let replications, replications < 1 {
            throw ValidationError("--replications must be at least 1, got \(replications)")
        }
        if let threads, threads < 1 {
            throw ValidationError("--threads must be at least 1, got \(threads)")
        }
    }
}
