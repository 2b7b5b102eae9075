import TaktFactory

/// Where an experiment's detailed records go (an HDF5 result file, or nowhere).
///
/// Replications run on several threads and call the recorder from them, so implementations
/// must be thread-safe. Each replication's rows arrive in order, in slices, while it runs; its
/// KPIs when it ends; the summary once, at the end.
public protocol ExperimentRecorder: AnyObject, Sendable {
    /// Rows a replication logged since its last call.
    func record(_ records: FactoryRecords, replication: Int) throws
    /// A replication has ended (completely, or early when interrupted).
    func finishReplication(_ result: ReplicationResult) throws
    /// The experiment has ended: write the summary and close.
    func finishExperiment(_ result: ExperimentResult) throws
}
