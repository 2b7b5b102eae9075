extension EventCalendar {
    /// Checks the heap order, that no pending event is earlier than `now`, and the tombstone
    /// count. Compiled only with `-DTAKT_INTERNAL_CHECKS`; otherwise an empty inlined call.
    @inlinable @inline(__always)
    func _checkInvariants() {
        #if TAKT_INTERNAL_CHECKS
        let entries = heap.entries
        var cancelled = 0
        for (index, entry) in entries.enumerated() {
            if index > 0 {
                let parent = entries[(index - 1) >> 2]
                precondition(!entry.precedes(parent), "heap order violated at \(index)")
            }
            let state = states[Int(entry.slot)]
            precondition(state != .free, "heap entry points at a free slot")
            if state == .cancelled { cancelled += 1 } else {
                precondition(entry.time >= now, "pending event at \(entry.time) is before now \(now)")
            }
        }
        precondition(cancelled == tombstones, "tombstone count \(tombstones) != \(cancelled)")
        #endif
    }
}
