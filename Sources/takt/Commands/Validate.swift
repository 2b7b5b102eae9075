import ArgumentParser
import TaktScenario

/// `takt validate SCENARIO`: checks a scenario file (or a job-shop instance) without running it.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario file and report every problem in it.",
        discussion: """
            Problems are printed as file:line:column: error: message, one per line, and the \
            command exits with status 2. A valid file prints a one-line summary and exits 0. \
            A job-shop instance in OR-Library format (.txt or .jsp, as `takt run` reads it) is \
            checked too, and so is a flexible job shop in Brandimarte's .fjs format (as \
            `takt schedule` reads it).

            Examples:
              takt validate scenarios/queue-mm5.yaml
              takt validate ft10.txt
              takt validate mk01.fjs
            """)

    @Argument(help: "The scenario file (YAML), or a job-shop instance (OR-Library .txt or .jsp, Brandimarte .fjs).",
              completion: .file(extensions: ["yaml", "yml", "txt", "jsp", "fjs"]))
    var scenario: String

    func run() throws {
        if scenario.lowercased().hasSuffix(".fjs") {
            let problem = try SchedulingFile.load(path: scenario).problem
            print("\(scenario): ok — flexible job shop, \(problem.jobs.count) jobs × \(problem.machineCount) machines, "
                + "\(problem.operationCount) operations")
            return
        }
        let loaded = try ScenarioSource.load(path: scenario, variant: nil, rule: nil)
        if case .factory(let model) = loaded.model, loaded.file.hasSuffix(".txt") || loaded.file.hasSuffix(".jsp") {
            let operations = model.products.reduce(0) { $0 + $1.routing.count }
            print("\(scenario): ok — job shop, \(model.products.count) jobs × \(model.stations.count) machines, "
                + "\(operations) operations")
            return
        }
        let variants = loaded.variants.isEmpty ? "" : ", variants: \(loaded.variants.joined(separator: ", "))"
        let replications = "\(loaded.run.replications) replication\(loaded.run.replications == 1 ? "" : "s")"
        print("\(scenario): ok — '\(loaded.name)', \(replications), seed \(loaded.run.seed)\(variants)")
    }
}
