import ArgumentParser
import Foundation
import TaktScenario
import TaktSweep

/// `takt sweep plan SWEEP`: the design expanded into numbered runs, every point checked.
struct SweepPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Expand a sweep into numbered runs, check every point, and print how many runs there are.",
        discussion: """
            Loads the sweep file and its base scenario, expands the design into points, applies \
            each point to the scenario and checks it like `takt validate` (problems are reported \
            at their line and column in the sweep file; exit status 2). Prints the parameters, \
            the points and the number of runs (points × replications). Writes nothing.

            Examples:
              takt sweep plan scenarios/sweeps/two-shifts-staffing.yaml
              # every run with its seed
              takt sweep plan scenarios/sweeps/two-shifts-staffing.yaml --runs
              # array tasks with 10 runs each
              takt sweep plan my-sweep.yaml --chunk 10
            """)

    @OptionGroup var file: SweepFileOptions

    @Flag(help: "List every run: index, point, replication, seed.")
    var runs = false

    @Option(help: "Show the array tasks needed with this many runs per task.")
    var chunk: Int = 1

    @Flag(help: "Skip loading every point (faster for very large designs).")
    var noCheck = false

    func validate() throws {
        if chunk < 1 { throw ValidationError("--chunk must be at least 1, got \(chunk)") }
    }

    func run() throws {
        let sweep = try file.load()
        if !noCheck {
            let problems = sweep.check()
            if !problems.isEmpty { throw ScenarioError(problems, primaryFile: sweep.file) }
        }
        let layout = file.layout(for: sweep)
        let states = layout.scan(runCount: sweep.runCount)
        let complete = states.filter(\.isComplete).count
        let tasks = ArrayTasks(runCount: sweep.runCount, chunk: chunk)
        print("Sweep: \(sweep.name) (\(sweep.file))")
        print("Base scenario: \(sweep.baseScenario.name) (\(sweep.scenarioFile))")
        print("Design: \(describe(sweep.design)), seed \(sweep.seed), \(sweep.randomNumbers.rawValue) random numbers, "
                  + "records \(sweep.record.rawValue)")
        print("Parameters:")
        let width = sweep.parameters.map(\.name.count).max() ?? 0
        for (index, parameter) in sweep.parameters.enumerated() {
            let shown = orderedLabels(index, sweep)
            var list = shown.count > 12 ? shown.prefix(12).joined(separator: ", ") + ", … (\(shown.count) values)"
                : shown.joined(separator: ", ")
            if case .range(let low, let high, let integer, nil) = parameter.domain {
                list = "\(integer ? "whole numbers" : "drawn") from \(String(format: "%g", low)) to "
                    + "\(String(format: "%g", high)): " + list
            }
            print("  " + parameter.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + list
                + (parameter.format.map { "   as \"\($0)\"" } ?? ""))
        }
        print("")
        printPoints(sweep)
        print("")
        print(noCheck ? "Points not checked (--no-check)."
                  : "All \(SweepPaths.count(sweep.points.count, "point")) load.")
        print("Output: \(layout.folder) (\(complete) of \(sweep.runCount) runs complete)")
        print("Array tasks: \(tasks.taskCount) with --chunk \(chunk)")
        if runs {
            print("")
            print("run     point  replication  seed")
            for run in 0..<sweep.runCount {
                let (point, replication) = sweep.run(run)
                print(String(format: "%-7d %-6d %-12d ", run, point, replication)
                          + "\(sweep.seed(point: point, replication: replication))")
            }
        }
        print("Runs: \(sweep.runCount) (\(SweepPaths.count(sweep.points.count, "point")) × "
                  + "\(SweepPaths.count(sweep.replications, "replication")))")
    }

    func describe(_ design: SweepDesign) -> String {
        switch design {
        case .grid: return "full grid"
        case .points: return "explicit points"
        case .random(let count): return "\(count) random points"
        case .latinHypercube(let count): return "Latin hypercube of \(count) points"
        }
    }

    /// The labels of parameter `index` in order of first appearance.
    func orderedLabels(_ index: Int, _ sweep: Sweep) -> [String] {
        var seen: Set<String> = []
        return sweep.points.map { $0.values[index].label }.filter { seen.insert($0).inserted }
    }

    /// The points as a table (the first 20 and the last of a long list).
    func printPoints(_ sweep: Sweep) {
        let headers = ["point"] + sweep.parameters.map(\.name) + ["runs"]
        var rows: [[String]] = []
        let shown = sweep.points.count <= 24 ? Array(sweep.points.indices) : Array(0..<20) + [sweep.points.count - 1]
        for index in shown {
            let first = sweep.runIndex(point: index, replication: 0)
            let last = first + sweep.replications - 1
            rows.append(["\(index)"] + sweep.points[index].values.map(\.label)
                            + [first == last ? "\(first)" : "\(first)-\(last)"])
            if index == 19 && sweep.points.count > 24 { rows.append(["…"] + sweep.parameters.map { _ in "" } + [""]) }
        }
        let widths = headers.indices.map { column in max(headers[column].count,
                                                         rows.map { $0[column].count }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
        print(line(headers))
        for row in rows { print(line(row)) }
    }
}
