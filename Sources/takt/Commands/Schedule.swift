import ArgumentParser
import Foundation
import TaktScenario
import TaktScheduling

/// `takt schedule FILE`: optimises the schedule of a static job shop.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Find a short schedule for a job-shop instance (tabu search), with a lower bound.",
        discussion: """
            Reads a classic job shop in OR-Library text (machines numbered from 0) or a flexible \
            one in Brandimarte's .fjs format (machines numbered from 1), starts from the best \
            dispatching rule and improves it by tabu search until the time limit (default 10 s) \
            or the iteration budget is used, or the makespan meets the lower bound. Prints the \
            makespan, the bound and the gap. Every schedule is checked (precedence, no overlap, \
            durations, eligibility) before it is printed. With --iterations the result depends \
            only on the file, --seed, --walkers and the budget, not on the machine or --threads. \
            Ctrl-C stops the search and prints the best schedule so far. See docs/scheduling.md.

            Examples:
              takt schedule ft10.txt --time-limit 10s
              takt schedule ft06.txt --iterations 20000 --seed 3 --json
              takt schedule mk01.fjs --gantt results/mk01.svg --out results/mk01.h5
            """)

    @Argument(help: "The instance: OR-Library job-shop text, or Brandimarte .fjs.",
              completion: .file(extensions: ["txt", "jsp", "fjs"]))
    var file: String

    @Option(name: .customLong("time-limit"),
            help: "Stop after this wall-clock time, such as '10s' or '2 min' (default 10 s).")
    var timeLimit: String?

    @Option(help: "Stop after this many tabu iterations over all walkers (reproducible: the same on any machine).")
    var iterations: Int?

    @Option(help: "Seed of the search's random streams (default 1).")
    var seed: UInt64 = 1

    @Option(help: "Worker threads (default: all cores). With --iterations, results do not depend on it.")
    var threads: Int?

    @Option(help: """
        Independent walkers sharing an --iterations budget (default \(OptimiserOptions.defaultWalkers)). \
        With --time-limit, one walker runs per thread.
        """)
    var walkers: Int?

    @Flag(help: "Print the result and the schedule as JSON on standard output.")
    var json = false

    @Option(help: "Write a Gantt chart (SVG) of the schedule to this file.", completion: .file(extensions: ["svg"]))
    var gantt: String?

    @Option(help: "Write the schedule to this HDF5 file (group /schedule; see docs/hdf5-layout.md).",
            completion: .file(extensions: ["h5"]))
    var out: String?

    @Flag(help: "Replace existing --gantt and --out files.")
    var force = false

    func validate() throws {
        if timeLimit != nil && iterations != nil {
            throw ValidationError("give either --time-limit or --iterations, not both")
        }
        if let iterations, iterations < 0 { throw ValidationError("--iterations must not be negative, got "
                                                                  + "\(iterations)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        if let walkers, walkers < 1 { throw ValidationError("--walkers must be at least 1, got \(walkers)") }
        if walkers != nil && iterations == nil {
            throw ValidationError("--walkers applies to an --iterations budget; with a time limit one walker runs "
                                  + "per thread")
        }
    }

    func run() throws {
        let budget = try self.budget()
        let input = try SchedulingFile.load(path: file)
        if let gantt { try OutputPath.check(gantt, option: "--gantt", force: force) }
        if let out {
            try OutputPath.check(out, option: "--out", force: force)
            try OutputPath.clearPartial(of: out, option: "--out", force: force)
        }
        let options = OptimiserOptions(budget: budget, seed: seed,
                                       threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                                       walkers: walkers ?? OptimiserOptions.defaultWalkers)
        let interrupts = InterruptHandler(message: "\ntakt: stopping — printing the best schedule so far…\n")
        let line = ScheduleProgressLine.forStandardError()
        let optimiser = ScheduleOptimiser(input.problem)
        let stop = interrupts.signal
        var report: (@Sendable (ScheduleOptimiser.Progress) -> Void)?
        if let line { report = { line.update($0) } }
        let result = optimiser.run(options, shouldStop: { stop.isRequested }, progress: report)
        line?.finish()
        let violations = ScheduleCheck.violations(of: result.schedule, for: input.problem,
                                                  claimedMakespan: result.makespan)
        guard violations.isEmpty else {
            throw RunError(message: "internal error: the schedule found fails its check:\n"
                + violations.prefix(10).map { "  \($0)" }.joined(separator: "\n"))
        }
        guard result.makespan >= result.lowerBound.value else {
            throw RunError(message: "internal error: makespan \(result.makespan) is below the lower bound "
                                    + "\(result.lowerBound.value)")
        }
        if let gantt {
            let title = "\((file as NSString).lastPathComponent): makespan \(result.makespan), bound "
                        + "\(result.lowerBound.value), seed \(seed)"
            let svg = ScheduleGantt.svg(result.schedule, machineCount: input.problem.machineCount, title: title,
                                        machineOffset: input.machineOffset)
            try OutputPath.write(Data(svg.utf8), to: gantt, option: "--gantt")
        }
        if let out { try ScheduleResultFile.write(result, input: input, file: file, seed: seed, to: out) }
        if json {
            print(ScheduleJSON.encode(result, input: input, file: file, seed: seed), terminator: "")
        } else {
            print(ScheduleReport.render(result, input: input, file: file))
        }
        if result.interrupted { throw ArgumentParser.ExitCode(130) }
    }

    /// The budget of the options: an iteration count, or seconds (10 s when neither is given).
    func budget() throws -> OptimiserOptions.Budget {
        if let iterations { return .iterations(iterations) }
        guard let timeLimit else { return .seconds(10) }
        switch Quantity.parseDuration(timeLimit) {
        case .success(let seconds) where seconds > 0: return .seconds(seconds)
        case .success: throw InputError(message: "--time-limit must be positive, got '\(timeLimit)'")
        case .failure(let problem): throw InputError(message: "--time-limit: \(problem.message)")
        }
    }
}
