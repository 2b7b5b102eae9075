import Foundation
import TaktScenario
import TaktScheduling

extension Harness {
    /// A job-shop file for `takt schedule`, read as Brandimarte `.fjs` or OR-Library text (by the
    /// input's length, so both readers see every mutation): a rejection must be a located error;
    /// an accepted problem of modest size is optimised for a small iterations budget, and its
    /// schedule must pass `ScheduleCheck` and never beat the lower bound.
    public static func schedule(_ data: Data) {
        let path = write(data, to: data.count % 2 == 0 ? "csv/instance.fjs" : "csv/instance.txt")
        let file: SchedulingFile
        do {
            file = try SchedulingFile.load(path: path)
        } catch {
            checkRejection(error, reader: "schedule", input: path, data: data)
            return
        }
        guard file.problem.operationCount <= 400 else { return }
        let result = ScheduleOptimiser(file.problem).run(OptimiserOptions(budget: .iterations(200), walkers: 2))
        let violations = ScheduleCheck.violations(of: result.schedule, for: file.problem,
                                                  claimedMakespan: result.makespan)
        if let first = violations.first { fatalError("[schedule] an invalid schedule: \(first)") }
        if result.makespan < result.lowerBound.value {
            fatalError("[schedule] makespan \(result.makespan) below the lower bound \(result.lowerBound.value)")
        }
    }
}
