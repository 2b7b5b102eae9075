import Foundation

/// Hands out the pending runs to worker threads, each once, in order.
final class RunDispenser: @unchecked Sendable {
    private let lock = NSLock()
    private let runs: [Int]
    private var next = 0

    init(_ runs: [Int]) { self.runs = runs }

    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < runs.count else { return nil }
        next += 1
        return runs[next - 1]
    }
}

/// The outcome of each run, stored from several threads.
final class OutcomeSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [Int: RunOutcome] = [:]

    func store(_ run: Int, _ outcome: RunOutcome) {
        lock.lock(); defer { lock.unlock() }
        outcomes[run] = outcome
    }

    var all: [Int: RunOutcome] {
        lock.lock(); defer { lock.unlock() }
        return outcomes
    }
}

/// Progress of the runs of one call, combined into one report.
final class SweepBoard: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let alreadyDone: Int
    private var done = 0
    private var failed = 0
    private var finishedEvents = 0
    private var running: [Int: (fraction: Double, events: Int)] = [:]
    private let report: (@Sendable (SweepProgress) -> Void)?

    init(total: Int, alreadyDone: Int, report: (@Sendable (SweepProgress) -> Void)?) {
        self.total = total
        self.alreadyDone = alreadyDone
        self.report = report
    }

    func update(_ run: Int, fraction: Double, events: Int) {
        guard report != nil else { return }
        lock.lock()
        running[run] = (fraction, events)
        let snapshot = snapshotLocked()
        lock.unlock()
        report?(snapshot)
    }

    func finish(_ run: Int, failed didFail: Bool) {
        lock.lock()
        finishedEvents += running.removeValue(forKey: run)?.events ?? 0
        done += 1
        if didFail { failed += 1 }
        let snapshot = snapshotLocked()
        lock.unlock()
        report?(snapshot)
    }

    private func snapshotLocked() -> SweepProgress {
        let partial = running.values.reduce(0) { $0 + $1.fraction }
        let events = finishedEvents + running.values.reduce(0) { $0 + $1.events }
        let pending = total - alreadyDone
        let fraction = pending <= 0 ? 1 : min(1, (Double(done) + partial) / Double(pending))
        return SweepProgress(done: alreadyDone + done, failed: failed, total: total, fraction: fraction, events: events)
    }
}
