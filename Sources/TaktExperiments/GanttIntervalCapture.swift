import Foundation
import TaktFactory

/// Keeps replication 0's down and maintenance intervals for the Gantt chart, as a recorder that
/// passes every row on to the real one (if any). The machine states are logged for replication 0
/// whenever a Gantt chart is asked for; when the run's own recording did not ask for them, they are
/// taken out before the rows reach the result file, so `--gantt` never changes what the file holds.
final class GanttIntervalCapture: ExperimentRecorder, @unchecked Sendable {
    private let inner: (any ExperimentRecorder)?
    private let passStates: Bool
    private let lock = NSLock()
    private var kept: [StateRow] = []

    /// The machine states drawn in the chart besides operations.
    static let drawnStates: Set<UInt8> = [UInt8(MachineState.down.rawValue), UInt8(MachineState.maintenance.rawValue)]

    init(inner: (any ExperimentRecorder)?, passStates: Bool) {
        self.inner = inner
        self.passStates = passStates
    }

    /// Down and maintenance intervals of replication 0, in the order they were logged.
    var intervals: [StateRow] {
        lock.lock(); defer { lock.unlock() }
        return kept
    }

    func record(_ records: FactoryRecords, replication: Int) throws {
        if replication == 0 {
            let drawn = records.states.filter { Self.drawnStates.contains($0.state) }
            lock.lock(); defer { lock.unlock() }
            kept += drawn
        }
        guard let inner else { return }
        if passStates {
            try inner.record(records, replication: replication)
        } else {
            var stripped = records
            stripped.states = []
            try inner.record(stripped, replication: replication)
        }
    }

    func finishReplication(_ result: ReplicationResult) throws { try inner?.finishReplication(result) }

    func finishExperiment(_ result: ExperimentResult) throws { try inner?.finishExperiment(result) }
}
