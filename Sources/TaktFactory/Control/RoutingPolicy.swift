/// Which station an operation with alternatives goes to: the seam for a routing controller.
/// Without one, a job goes to the alternative with the fewest waiting jobs per machine (the
/// first listed on ties).
///
/// The policy sees what a shop-floor system knows about each alternative: its queue and machines
/// (states included), never hidden state.
public protocol RoutingPolicy: Sendable {
    /// The index in `alternatives` (never empty) of the station the job goes to.
    func choose(from alternatives: [RoutingAlternative], product: Int, operation: Int, now: Double) -> Int
}

/// One station that can do the operation.
public struct RoutingAlternative: Sendable, Equatable {
    public var station: Int
    public var queueLength: Int
    public var machines: Int
    /// Machines that are free (idle or starved) right now.
    public var freeMachines: Int

    public init(station: Int, queueLength: Int, machines: Int, freeMachines: Int) {
        self.station = station
        self.queueLength = queueLength
        self.machines = machines
        self.freeMachines = freeMachines
    }
}
