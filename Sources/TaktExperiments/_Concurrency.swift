import Foundation
import TaktFactory

/// The Gantt rows of one replication, handed over from a worker thread.
final class GanttSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [GanttRow]?

    func store(_ rows: [GanttRow]) {
        lock.lock(); defer { lock.unlock() }
        stored = rows
    }

    var rows: [GanttRow]? {
        lock.lock(); defer { lock.unlock() }
        return stored
    }
}

/// Progress of every replication, combined into one report.
final class ProgressBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var fractions: [Double]
    private var events: [Int]
    private var simulated: [Double]
    private var done = 0
    private let report: (@Sendable (ProgressReport) -> Void)?

    init(replications: Int, report: (@Sendable (ProgressReport) -> Void)?) {
        fractions = Array(repeating: 0, count: replications)
        events = Array(repeating: 0, count: replications)
        simulated = Array(repeating: 0, count: replications)
        self.report = report
    }

    func update(_ index: Int, fraction: Double, events count: Int, simulated time: Double) {
        guard let report else { return }
        lock.lock()
        fractions[index] = fraction
        events[index] = count
        simulated[index] = time
        let snapshot = ProgressReport(
            fraction: fractions.reduce(0, +) / Double(fractions.count), events: events.reduce(0, +),
            replicationsDone: done, replications: fractions.count, simulatedSeconds: simulated.reduce(0, +))
        lock.unlock()
        report(snapshot)
    }

    func finish(_ index: Int) {
        lock.lock()
        done += 1
        lock.unlock()
    }
}
