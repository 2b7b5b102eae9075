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

/// Hands out replication indices 0, 1, 2, … to worker threads, each once.
final class IndexDispenser: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    /// The next index below `limit`, or nil when all are handed out.
    func claim(limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
}

/// Results stored by index from several threads.
final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [ReplicationResult?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ result: ReplicationResult, at index: Int) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = result
    }


    func collect() -> [ReplicationResult] {
        lock.lock(); defer { lock.unlock() }
        return slots.map { $0! }
    }

    /// The results stored so far, in index order (all of them unless the run was stopped early).
    func collectCompleted() -> [ReplicationResult] {
        lock.lock(); defer { lock.unlock() }
        return slots.compactMap { $0 }
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

/// The first error raised by any worker.
final class ErrorSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var first: (any Error)?

    func store(_ error: any Error) {
        lock.lock(); defer { lock.unlock() }
        if first == nil { first = error }
    }

    var error: (any Error)? {
        lock.lock(); defer { lock.unlock() }
        return first
    }
}
