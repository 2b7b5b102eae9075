extension EventCalendar {
    /// Checks the heap order, that no pending event is earlier than `now`, and the tombstone
    /// count. Compiled only with `-DTAKT_INTERNAL_CHECKS`; otherwise an empty inlined call.
    @inlinable @inline(__always)
    func _checkInvariants() {
        #if TAKT_INTERNAL_CHECKS
        var cancelled = 0
        for index in 0..<heapCount {
            let entry = heap[index]
            if index > 0 {
                precondition(!entry.precedes(heap[(index - 1) >> 1]), "heap order violated at \(index)")
            }
            let state = slots[Int(entry.slot)].state
            precondition(state != .free, "heap entry points at a free slot")
            if state == .cancelled { cancelled += 1 } else {
                precondition(entry.time >= _now, "pending event at \(entry.time) is before now \(_now)")
            }
        }
        precondition(cancelled == tombstones, "tombstone count \(tombstones) != \(cancelled)")
        #endif
    }
}
