import ArgumentParser
import TaktScenario

/// `takt validate SCENARIO`: checks a scenario file without running it.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario file and report every problem in it.",
        discussion: """
            Problems are printed as file:line:column: error: message, one per line, and the \
            command exits with status 2. A valid file prints a one-line summary and exits 0.

            Example:
              takt validate scenarios/queue-mm5.yaml
            """)

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    func run() throws {
        let loaded = try ScenarioLoader.load(path: scenario)
        let variants = loaded.variants.isEmpty ? "" : ", variants: \(loaded.variants.joined(separator: ", "))"
        let replications = "\(loaded.run.replications) replication\(loaded.run.replications == 1 ? "" : "s")"
        print("\(scenario): ok — '\(loaded.name)', \(replications), seed \(loaded.run.seed)\(variants)")
    }
}
