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
/// **Allocation.** Heap entries (24 bytes) and payload slots live in two raw buffers that only
/// grow; slots are recycled through a free list threaded through them. After the largest number
/// of simultaneously pending events has been reached, nothing is allocated, and no
/// copy-on-write uniqueness check is paid: the calendar is non-copyable, so it owns its buffers
/// outright (pass it `inout`).
///
/// - Invariant: no pending event is earlier than `now`; `now` never decreases.
public struct EventCalendar<Payload>: ~Copyable {
    @usableFromInline var heap: UnsafeMutablePointer<_HeapEntry>
    @usableFromInline var heapCount = 0
    @usableFromInline var heapCapacity: Int
    @usableFromInline var slots: UnsafeMutablePointer<_Slot<Payload>>
    @usableFromInline var slotCount = 0
    @usableFromInline var slotCapacity: Int
    @usableFromInline var firstFreeSlot: Int32 = -1
    @usableFromInline var nextSequence: UInt64 = 0
    @usableFromInline var tombstones: Int = 0
    @usableFromInline var _now: SimTime
    @usableFromInline var _eventsProcessed: Int = 0
    @usableFromInline var _stopRequested = false
    @usableFromInline var _fault: SchedulingFault<Payload>?

    /// Creates an empty calendar.
    /// - Parameters:
    ///   - start: the initial value of `now`.
    ///   - capacity: the number of simultaneously pending events to reserve room for.
    public init(start: SimTime = 0, reservingCapacity capacity: Int = 64) {
        precondition(start.isFinite, "calendar start time must be finite, got \(start)")
        _now = start
        heapCapacity = Swift.max(capacity, 4)
        slotCapacity = heapCapacity
        heap = .allocate(capacity: heapCapacity)
        slots = .allocate(capacity: slotCapacity)
    }

    deinit {
        slots.deinitialize(count: slotCount)
        slots.deallocate()
        heap.deallocate()
    }

    /// The current simulation time: the time of the event most recently popped.
    @inlinable public var now: SimTime { _now }

    /// The number of events popped so far (cancelled events excluded).
    @inlinable public var eventsProcessed: Int { _eventsProcessed }

    /// Set by a model through `requestStop()`; the simulation loop stops after the current event.
    @inlinable public var isStopRequested: Bool { _stopRequested }

    /// The first event that could not be scheduled (a time before `now` or not finite), if any.
    /// Such an event is dropped, the fault is kept here and a stop is requested, so a model
    /// that computes an impossible time ends its run with an error instead of a trap.
    @inlinable public var fault: SchedulingFault<Payload>? { _fault }

    /// The number of pending (scheduled, not cancelled, not yet run) events.
    @inlinable public var count: Int { heapCount - tombstones }

    /// True when no event is pending.
    @inlinable public var isEmpty: Bool { count == 0 }

    /// Schedules `payload` at absolute time `time`.
    ///
    /// A `time` before `now` or not finite is a fault, not an event: nothing is scheduled, the
    /// first fault is kept in `fault`, a stop is requested, and the returned id is never pending.
    /// - Complexity: O(log n) for n entries in the heap.
    @inlinable @discardableResult
    public mutating func schedule(_ payload: Payload, at time: SimTime, priority: Int8 = 0) -> EventID {
        guard time >= _now && time.isFinite else { return recordFault(payload, at: time) }
        let slot: Int32
        let generation: UInt32
        if firstFreeSlot >= 0 {
            slot = firstFreeSlot
            let index = Int(slot)
            firstFreeSlot = slots[index].nextFree
            generation = slots[index].generation &+ 1
            slots[index] = _Slot(payload: payload, time: time, generation: generation, state: .pending)
        } else {
            if slotCount == slotCapacity { growSlots() }
            slot = Int32(slotCount)
            generation = 0
            (slots + slotCount).initialize(to: _Slot(payload: payload, time: time, generation: 0, state: .pending))
            slotCount &+= 1
        }
        let biasedPriority = UInt64(UInt8(bitPattern: priority) ^ 0x80)
        if heapCount == heapCapacity { growHeap() }
        let entry = _HeapEntry(time: time, key: biasedPriority << 56 | nextSequence, slot: slot)
        _BinaryHeap.siftUp(heap, from: heapCount, entry)
        heapCount &+= 1
        nextSequence &+= 1
        _checkInvariants()
        return EventID(slot: slot, generation: generation)
    }

    /// Schedules `payload` `delay` time units from now.
    ///
    /// A negative or non-finite delay is a fault (see `schedule(_:at:priority:)`): a model bug or
    /// an impossible input, never a request to travel back in time.
    @inlinable @discardableResult
    public mutating func schedule(_ payload: Payload, after delay: SimTime, priority: Int8 = 0) -> EventID {
        guard delay >= 0 else { return recordFault(payload, at: _now + delay) }
        return schedule(payload, at: _now + delay, priority: priority)
    }

    /// Keeps the first scheduling fault and asks the loop to stop; returns an id that is never pending.
    @usableFromInline
    mutating func recordFault(_ payload: Payload, at time: SimTime) -> EventID {
        if _fault == nil { _fault = SchedulingFault(payload: payload, requestedTime: time, now: _now) }
        _stopRequested = true
        return EventID(slot: -1, generation: 0)
    }

    /// True if `id` names an event that is still pending.
    @inlinable
    public func isPending(_ id: EventID) -> Bool {
        let index = Int(id.slot)
        return index >= 0 && index < slotCount && slots[index].generation == id.generation
            && slots[index].state == .pending
    }

    /// The scheduled time of a pending event, or nil if it ran or was cancelled.
    @inlinable
    public func time(of id: EventID) -> SimTime? {
        isPending(id) ? slots[Int(id.slot)].time : nil
    }

    /// The payload of a pending event, or nil if it ran or was cancelled.
    @inlinable
    public func payload(of id: EventID) -> Payload? {
        isPending(id) ? slots[Int(id.slot)].payload : nil
    }

    /// Cancels a pending event. Returns false (and does nothing) if it already ran or was cancelled.
    /// - Complexity: O(1) amortised.
    @inlinable @discardableResult
    public mutating func cancel(_ id: EventID) -> Bool {
        guard isPending(id) else { return false }
        slots[Int(id.slot)].state = .cancelled
        tombstones &+= 1
        if tombstones > 64 && tombstones > heapCount / 2 { dropTombstones() }
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
        return heapCount > 0 ? heap[0].time : nil
    }

    /// The payload of the next pending event without removing it, or nil when none is pending.
    @inlinable
    public mutating func peekNextPayload() -> Payload? {
        skipTombstones()
        return heapCount > 0 ? slots[Int(heap[0].slot)].payload : nil
    }

    /// Removes the next pending event, advances `now` to its time and returns it.
    /// - Complexity: O(log n), amortised over the tombstones it drops.
    @inlinable
    public mutating func popNext() -> (time: SimTime, id: EventID, payload: Payload)? {
        while heapCount > 0 {
            let entry = removeTop()
            let index = Int(entry.slot)
            let state = slots[index].state
            releaseSlot(entry.slot)
            if state == .cancelled {
                tombstones &-= 1
                continue
            }
            _now = entry.time
            _eventsProcessed &+= 1
            _checkInvariants()
            return (entry.time, EventID(slot: entry.slot, generation: slots[index].generation), slots[index].payload)
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
        precondition(time >= _now, "cannot move the clock back from \(_now) to \(time)")
        if let next = nextTime() {
            precondition(next >= time, "cannot advance to \(time) past a pending event at \(next)")
        }
        _now = time
    }
}
