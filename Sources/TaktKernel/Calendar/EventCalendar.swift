/// The future event list of one simulation run: events ordered by time, then priority, then
/// the order in which they were scheduled.
///
/// Events are plain values of the model's own `Payload` type, usually a small enum carrying
/// integer entity indices, so running an event costs a switch, not a closure or an existential:
///
/// ```swift
/// enum Event { case arrival, departure(server: Int32) }
/// var calendar = EventCalendar<Event>()
/// let id = calendar.schedule(.departure(server: 0), after: 2.5)
/// calendar.schedule(.arrival, after: 1.0)
/// calendar.cancel(id)
/// while let next = calendar.popNext() { print(calendar.now, next.payload) }
/// ```
///
/// **Ordering.** Two events at the same time run in ascending `priority` (default 0; a negative
/// priority is "urgent"), and at equal priority in the order they were scheduled. The order is
/// therefore total and every run with the same inputs is identical.
///
/// **Cancellation** is lazy: a cancelled event stays in the heap as a tombstone and is dropped
/// when it reaches the top. When tombstones outnumber live events the heap is rebuilt, so memory
/// stays proportional to the number of pending events.
///
/// **Allocation.** Payloads live in a slot array reused through a free list; after the largest
/// number of simultaneously pending events has been reached, scheduling, cancelling and popping
/// allocate nothing.
///
/// - Invariant: no pending event is earlier than `now`; `now` never decreases.
public struct EventCalendar<Payload> {
    @usableFromInline var heap: _EventHeap
    @usableFromInline var payloads: ContiguousArray<Payload> = []
    @usableFromInline var times: ContiguousArray<SimTime> = []
    @usableFromInline var generations: ContiguousArray<UInt32> = []
    @usableFromInline var states: ContiguousArray<_SlotState> = []
    @usableFromInline var freeSlots: ContiguousArray<Int32> = []
    @usableFromInline var nextSequence: UInt64 = 0
    @usableFromInline var tombstones: Int = 0

    @usableFromInline var _now: SimTime
    @usableFromInline var _eventsProcessed: Int = 0
    @usableFromInline var _stopRequested = false

    /// The current simulation time: the time of the event most recently popped.
    @inlinable public var now: SimTime { _now }

    /// The number of events popped so far (cancelled events excluded).
    @inlinable public var eventsProcessed: Int { _eventsProcessed }

    /// Set by a model through `requestStop()`; the simulation loop stops after the current event.
    @inlinable public var isStopRequested: Bool { _stopRequested }

    /// Creates an empty calendar.
    /// - Parameters:
    ///   - start: the initial value of `now`.
    ///   - capacity: the number of simultaneously pending events to reserve room for.
    public init(start: SimTime = 0, reservingCapacity capacity: Int = 64) {
        precondition(start.isFinite, "calendar start time must be finite, got \(start)")
        _now = start
        heap = _EventHeap(reservingCapacity: capacity)
        payloads.reserveCapacity(capacity)
        times.reserveCapacity(capacity)
        generations.reserveCapacity(capacity)
        states.reserveCapacity(capacity)
    }

    /// The number of pending (scheduled, not cancelled, not yet run) events.
    @inlinable public var count: Int { heap.count - tombstones }

    /// True when no event is pending.
    @inlinable public var isEmpty: Bool { count == 0 }

    /// Schedules `payload` at absolute time `time`.
    ///
    /// - Precondition: `time >= now` and `time` is finite.
    /// - Complexity: O(log n) for n entries in the heap.
    @inlinable @discardableResult
    public mutating func schedule(_ payload: Payload, at time: SimTime, priority: Int8 = 0) -> EventID {
        precondition(time >= now && time.isFinite,
                     "cannot schedule an event at \(time): it is before now (\(now)) or not finite")
        let slot: Int32
        if let reused = freeSlots.popLast() {
            slot = reused
            let index = Int(slot)
            payloads[index] = payload
            times[index] = time
            generations[index] &+= 1
            states[index] = .pending
        } else {
            slot = Int32(payloads.count)
            payloads.append(payload)
            times.append(time)
            generations.append(0)
            states.append(.pending)
        }
        let biasedPriority = UInt64(UInt8(bitPattern: priority) ^ 0x80)
        heap.push(_HeapEntry(time: time, key: biasedPriority << 56 | nextSequence, slot: slot))
        nextSequence &+= 1
        _checkInvariants()
        return EventID(slot: slot, generation: generations[Int(slot)])
    }

    /// Schedules `payload` `delay` time units from now.
    ///
    /// - Precondition: `delay >= 0` and finite. A negative delay is a model bug, not a request
    ///   to travel back in time.
    @inlinable @discardableResult
    public mutating func schedule(_ payload: Payload, after delay: SimTime, priority: Int8 = 0) -> EventID {
        precondition(delay >= 0, "negative delay \(delay) at time \(now)")
        return schedule(payload, at: now + delay, priority: priority)
    }

    /// True if `id` names an event that is still pending.
    @inlinable
    public func isPending(_ id: EventID) -> Bool {
        let index = Int(id.slot)
        return index < states.count && generations[index] == id.generation && states[index] == .pending
    }

    /// The scheduled time of a pending event, or nil if it ran or was cancelled.
    @inlinable
    public func time(of id: EventID) -> SimTime? {
        isPending(id) ? times[Int(id.slot)] : nil
    }

    /// The payload of a pending event, or nil if it ran or was cancelled.
    @inlinable
    public func payload(of id: EventID) -> Payload? {
        isPending(id) ? payloads[Int(id.slot)] : nil
    }

    /// Cancels a pending event. Returns false (and does nothing) if it already ran or was cancelled.
    /// - Complexity: O(1) amortised.
    @inlinable @discardableResult
    public mutating func cancel(_ id: EventID) -> Bool {
        guard isPending(id) else { return false }
        states[Int(id.slot)] = .cancelled
        tombstones += 1
        if tombstones > 64 && tombstones > heap.count / 2 { dropTombstones() }
        _checkInvariants()
        return true
    }

    /// Moves a pending event to a new time, keeping its payload; returns its new id, or nil if
    /// it was no longer pending. The moved event is ordered as if newly scheduled.
    @inlinable
    public mutating func reschedule(_ id: EventID, to time: SimTime, priority: Int8 = 0) -> EventID? {
        guard let payload = payload(of: id) else { return nil }
        cancel(id)
        return schedule(payload, at: time, priority: priority)
    }

    /// The time of the next pending event, or nil when none is pending.
    @inlinable
    public mutating func nextTime() -> SimTime? {
        skipTombstones()
        return heap.first?.time
    }

    /// Removes the next pending event, advances `now` to its time and returns it.
    /// - Complexity: O(log n), amortised over the tombstones it drops.
    @inlinable
    public mutating func popNext() -> (time: SimTime, id: EventID, payload: Payload)? {
        while let entry = heap.popMin() {
            let index = Int(entry.slot)
            let state = states[index]
            states[index] = .free
            freeSlots.append(entry.slot)
            if state == .cancelled {
                tombstones -= 1
                continue
            }
            _now = entry.time
            _eventsProcessed &+= 1
            _checkInvariants()
            return (entry.time, EventID(slot: entry.slot, generation: generations[index]), payloads[index])
        }
        return nil
    }

    /// Asks the running simulation loop to stop after the event being handled.
    @inlinable public mutating func requestStop() { _stopRequested = true }

    /// Clears a stop request (the simulation loop does this when it starts).
    @inlinable public mutating func clearStopRequest() { _stopRequested = false }

    /// Moves the clock forward to `time` without running anything, e.g. to a run's end time.
    /// - Precondition: `time >= now` and no pending event is earlier than `time`.
    @inlinable
    public mutating func advance(to time: SimTime) {
        precondition(time >= now, "cannot move the clock back from \(now) to \(time)")
        if let next = nextTime() {
            precondition(next >= time, "cannot advance to \(time) past a pending event at \(next)")
        }
        _now = time
    }

    @inlinable
    mutating func skipTombstones() {
        while let top = heap.first, states[Int(top.slot)] == .cancelled {
            _ = heap.popMin()
            states[Int(top.slot)] = .free
            freeSlots.append(top.slot)
            tombstones -= 1
        }
    }

    @usableFromInline
    mutating func dropTombstones() {
        let states = self.states
        heap.compact { states[Int($0.slot)] != .cancelled }
        for index in states.indices where states[index] == .cancelled {
            self.states[index] = .free
            freeSlots.append(Int32(index))
        }
        tombstones = 0
    }
}

/// The life cycle of a calendar slot: free → pending → (popped or cancelled) → free.
@usableFromInline
enum _SlotState: UInt8 {
    case free, pending, cancelled
}
