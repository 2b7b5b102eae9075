extension EventCalendar {
    /// Removes and returns the heap's least entry.
    /// - Precondition: the heap is not empty.
    @inlinable @inline(__always)
    mutating func removeTop() -> _HeapEntry {
        let top = heap[0]
        heapCount &-= 1
        if heapCount > 0 { _BinaryHeap.siftDown(heap, count: heapCount, heap[heapCount]) }
        return top
    }

    /// Puts a slot on the free list (its payload stays until the slot is reused).
    @inlinable @inline(__always)
    mutating func releaseSlot(_ slot: Int32) {
        slots[Int(slot)].state = .free
        slots[Int(slot)].nextFree = firstFreeSlot
        firstFreeSlot = slot
    }

    @inlinable
    mutating func skipTombstones() {
        while heapCount > 0, slots[Int(heap[0].slot)].state == .cancelled {
            let entry = removeTop()
            releaseSlot(entry.slot)
            tombstones &-= 1
        }
    }

    /// Rebuilds the heap without its tombstones. O(n).
    @usableFromInline
    mutating func dropTombstones() {
        var kept = 0
        for index in 0..<heapCount {
            let entry = heap[index]
            if slots[Int(entry.slot)].state == .cancelled {
                releaseSlot(entry.slot)
            } else {
                heap[kept] = entry
                kept += 1
            }
        }
        heapCount = 0
        for index in 0..<kept {
            _BinaryHeap.siftUp(heap, from: index, heap[index])
            heapCount += 1
        }
        tombstones = 0
    }

    @usableFromInline
    mutating func growHeap() {
        let capacity = heapCapacity * 2
        let bigger = UnsafeMutablePointer<_HeapEntry>.allocate(capacity: capacity)
        bigger.moveInitialize(from: heap, count: heapCount)
        heap.deallocate()
        heap = bigger
        heapCapacity = capacity
    }

    @usableFromInline
    mutating func growSlots() {
        let capacity = slotCapacity * 2
        let bigger = UnsafeMutablePointer<_Slot<Payload>>.allocate(capacity: capacity)
        bigger.moveInitialize(from: slots, count: slotCount)
        slots.deallocate()
        slots = bigger
        slotCapacity = capacity
    }
}

/// Where a scheduled event's payload waits while its heap entry moves.
@usableFromInline
struct _Slot<Payload> {
    @usableFromInline var payload: Payload
    @usableFromInline var time: SimTime
    @usableFromInline var generation: UInt32
    @usableFromInline var state: _SlotState
    @usableFromInline var nextFree: Int32 = -1

    @inlinable init(payload: Payload, time: SimTime, generation: UInt32, state: _SlotState) {
        self.payload = payload
        self.time = time
        self.generation = generation
        self.state = state
    }
}

/// The life cycle of a calendar slot: free → pending → (popped or cancelled) → free.
@usableFromInline
enum _SlotState: UInt8 {
    case free, pending, cancelled
}
