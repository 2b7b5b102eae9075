/// A dispatching decision for one station at a time, without state: the simplest way to try a
/// rule of your own. `StationDispatchPolicies` turns a set of them into a `SchedulingController`
/// (the one seam every scheduler plugs into); write a `SchedulingController` directly when the
/// policy needs state, a plant-wide view, machine choice or holding work back.
///
/// When a machine of the station is free, `select` gets the jobs that can start now
/// (components present, materials in stock), in queue order, and the one returned starts on the
/// first free machine already set up for its family (else the first free machine).
///
/// ```swift
/// struct LastInFirstOut: DispatchPolicy {
///     func select(from candidates: [DispatchCandidate], station: Int, now: Double) -> Int {
///         candidates.indices.max { candidates[$0].queueEntryTime < candidates[$1].queueEntryTime }!
///     }
/// }
/// let controllers = Controllers(scheduling: StationDispatchPolicies([2: LastInFirstOut()]))
/// let model = FactoryModel(configuration, streams: streams, controllers: controllers)
/// ```
public protocol DispatchPolicy: Sendable {
    /// The index in `candidates` (never empty) of the job to start next at `station`.
    func select(from candidates: [DispatchCandidate], station: Int, now: Double) -> Int
}

/// What a dispatcher may know about a waiting job.
public typealias DispatchCandidate = ShopJob

/// Custom policies at some stations, each station's own rule at the others.
public struct StationDispatchPolicies: SchedulingController {
    public var policies: [Int: any DispatchPolicy]

    public init(_ policies: [Int: any DispatchPolicy]) { self.policies = policies }

    public var name: String { "station-policies" }

    public mutating func dispatch(at station: Int, shop: ShopObservation) -> [Assignment] {
        let candidates = shop.queues[station].filter(\.canStart)
        guard !candidates.isEmpty else { return [] }
        let job: ShopJob
        if let policy = policies[station] {
            let choice = policy.select(from: candidates, station: station, now: shop.now)
            // an index out of range is skipped (and counted) by the model like any impossible start
            guard candidates.indices.contains(choice) else { return [Assignment(job: -1, machine: -1)] }
            job = candidates[choice]
        } else {
            guard let ruled = DispatchRuleScheduler.choose(shop.layout.stations[station].dispatchRule,
                                                          among: shop.queues[station], now: shop.now) else { return [] }
            job = ruled
        }
        guard let machine = DispatchRuleScheduler.machine(for: job, at: station, shop: shop) else { return [] }
        return [Assignment(job: job.serial, machine: machine)]
    }
}
