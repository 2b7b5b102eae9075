import Foundation

/// A request to stop an experiment early (Ctrl-C, SIGTERM from a scheduler), checked by every
/// replication between slices of events. Replications stop where they are, report what they
/// have, and the result is marked interrupted.
public final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false

    public init() {}

    /// Asks every running replication to stop.
    public func request() {
        lock.lock(); defer { lock.unlock() }
        requested = true
    }

    /// True once a stop was requested.
    public var isRequested: Bool {
        lock.lock(); defer { lock.unlock() }
        return requested
    }
}
