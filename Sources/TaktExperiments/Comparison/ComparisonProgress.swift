import Foundation

/// Combines the progress of each variant's replications into one report for the whole comparison.
final class ComparisonProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: [ProgressReport?]
    private let replications: Int
    private let report: @Sendable (ProgressReport) -> Void

    init(variants: Int, replications: Int, report: @escaping @Sendable (ProgressReport) -> Void) {
        latest = Array(repeating: nil, count: variants)
        self.replications = replications
        self.report = report
    }

    /// A board for variant `index` that reports here.
    func board(variant index: Int) -> ProgressBoard {
        ProgressBoard(replications: replications) { [self] in update(index, $0) }
    }

    private func update(_ variant: Int, _ snapshot: ProgressReport) {
        lock.lock()
        latest[variant] = snapshot
        let known = latest.compactMap { $0 }
        let combined = ProgressReport(
            fraction: known.reduce(0) { $0 + $1.fraction } / Double(latest.count),
            events: known.reduce(0) { $0 + $1.events },
            replicationsDone: known.reduce(0) { $0 + $1.replicationsDone },
            replications: replications * latest.count,
            simulatedSeconds: known.reduce(0) { $0 + $1.simulatedSeconds })
        lock.unlock()
        report(combined)
    }
}
