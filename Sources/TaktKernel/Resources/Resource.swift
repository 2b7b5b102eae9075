/// A pool of identical units (servers, workers, technicians) that requesters hold one at a time,
/// with a waiting line ordered by priority and then by arrival, and optional preemption.
///
/// Requesters are integer ids of the model's own entities; the resource only does the
/// bookkeeping and tells the model what happened, so the model keeps control of time:
///
/// ```swift
/// var crew = Resource(capacity: 1, preemptive: true)
/// crew.request(7, priority: 1)            // .granted: job 7 holds the crew
/// crew.request(3, priority: 0)            // .preempted(victim: 7): 3 takes over, 7 is out
/// crew.release(3)                          // nil: nobody waits (the model re-requests for 7)
/// ```
///
/// Lower `priority` values are served first (0 before 1). Equal priorities are served in
/// request order. A preempted holder is *not* queued again automatically: the model decides
/// whether the interrupted work resumes (and re-requests) or is abandoned.
public struct Resource: Sendable {
    /// Units in the pool.
    public let capacity: Int
    /// Whether a request may evict a holder of strictly lower priority (a larger number).
    public let preemptive: Bool
    @usableFromInline var holders: [Holder] = []
    @usableFromInline var waiting: [Waiter] = []
    @usableFromInline var sequence: UInt64 = 0

    @usableFromInline struct Holder: Sendable {
        @usableFromInline var requester: Int
        @usableFromInline var priority: Int
        @usableFromInline var sequence: UInt64
    }

    @usableFromInline struct Waiter: Sendable {
        @usableFromInline var requester: Int
        @usableFromInline var priority: Int
        @usableFromInline var sequence: UInt64

        @usableFromInline func precedes(_ other: Waiter) -> Bool {
            priority < other.priority || (priority == other.priority && sequence < other.sequence)
        }
    }

    /// What became of a request.
    public enum Outcome: Equatable, Sendable {
        /// The requester now holds a unit.
        case granted
        /// The requester waits in line.
        case queued
        /// The requester took the unit of `victim`, which no longer holds it.
        case preempted(victim: Int)
    }

    /// - Precondition: capacity ≥ 1.
    public init(capacity: Int, preemptive: Bool = false) {
        precondition(capacity >= 1, "a resource needs at least one unit")
        self.capacity = capacity
        self.preemptive = preemptive
        holders.reserveCapacity(capacity)
    }

    /// Units held.
    public var inUse: Int { holders.count }
    /// Requesters waiting.
    public var queueLength: Int { waiting.count }
    /// The ids of the current holders, in the order they acquired their units.
    public var currentHolders: [Int] { holders.map(\.requester) }
    /// The ids of the waiting requesters, first to be served first.
    public var waitingRequesters: [Int] {
        waiting.sorted { $0.precedes($1) }.map(\.requester)
    }

    /// Asks for one unit.
    /// - Complexity: O(log q) for q waiting, O(capacity) when preemption is considered.
    @discardableResult
    public mutating func request(_ requester: Int, priority: Int = 0) -> Outcome {
        defer { sequence += 1 }
        if holders.count < capacity {
            holders.append(Holder(requester: requester, priority: priority, sequence: sequence))
            return .granted
        }
        if preemptive, let victimIndex = weakestHolder(), holders[victimIndex].priority > priority {
            let victim = holders[victimIndex].requester
            holders[victimIndex] = Holder(requester: requester, priority: priority, sequence: sequence)
            return .preempted(victim: victim)
        }
        enqueue(Waiter(requester: requester, priority: priority, sequence: sequence))
        return .queued
    }

    /// Returns the unit held by `requester` and hands it to the first in line, whose id is returned.
    /// - Precondition: `requester` holds a unit.
    @discardableResult
    public mutating func release(_ requester: Int) -> Int? {
        guard let index = holders.firstIndex(where: { $0.requester == requester }) else {
            preconditionFailure("requester \(requester) releases a unit it does not hold")
        }
        holders.remove(at: index)
        guard let next = dequeue() else { return nil }
        holders.append(Holder(requester: next.requester, priority: next.priority, sequence: sequence))
        sequence += 1
        return next.requester
    }

    /// Takes a waiting requester out of the line (it gave up). Returns false if it was not waiting.
    /// - Complexity: O(q).
    @discardableResult
    public mutating func withdraw(_ requester: Int) -> Bool {
        guard let index = waiting.firstIndex(where: { $0.requester == requester }) else { return false }
        let kept = waiting.enumerated().filter { $0.offset != index }.map(\.element)
        waiting.removeAll(keepingCapacity: true)
        for waiter in kept { enqueue(waiter) }
        return true
    }

    /// True if `requester` holds a unit.
    public func isHolding(_ requester: Int) -> Bool { holders.contains { $0.requester == requester } }

    /// The holder a preempting request would evict: the largest priority number, latest acquired.
    func weakestHolder() -> Int? {
        var best: Int?
        for index in holders.indices {
            guard let current = best else { best = index; continue }
            let candidate = holders[index], incumbent = holders[current]
            if candidate.priority > incumbent.priority
                || (candidate.priority == incumbent.priority && candidate.sequence > incumbent.sequence) {
                best = index
            }
        }
        return best
    }

    /// Binary-heap insertion ordered by (priority, sequence).
    mutating func enqueue(_ waiter: Waiter) {
        waiting.append(waiter)
        var hole = waiting.count - 1
        while hole > 0 {
            let parent = (hole - 1) / 2
            guard waiter.precedes(waiting[parent]) else { break }
            waiting[hole] = waiting[parent]
            hole = parent
        }
        waiting[hole] = waiter
    }

    mutating func dequeue() -> Waiter? {
        guard let last = waiting.popLast() else { return nil }
        guard !waiting.isEmpty else { return last }
        let top = waiting[0]
        var hole = 0
        let n = waiting.count
        while true {
            var child = 2 * hole + 1
            if child >= n { break }
            if child + 1 < n && waiting[child + 1].precedes(waiting[child]) { child += 1 }
            guard waiting[child].precedes(last) else { break }
            waiting[hole] = waiting[child]
            hole = child
        }
        waiting[hole] = last
        return top
    }
}
