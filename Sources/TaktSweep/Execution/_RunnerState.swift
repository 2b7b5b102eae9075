import Foundation

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
