/// One entry of the calendar's priority queue: 24 bytes, ordered by `time`, then `key`.
///
/// `key` packs the event priority (high 8 bits, biased so lower priorities sort first) and the
/// insertion sequence number (low 56 bits), so one integer comparison settles both tie-breaks.
@usableFromInline
struct _HeapEntry {
    @usableFromInline var time: SimTime
    @usableFromInline var key: UInt64
    @usableFromInline var slot: Int32

    @inlinable init(time: SimTime, key: UInt64, slot: Int32) {
        self.time = time
        self.key = key
        self.slot = slot
    }

    @inlinable @inline(__always)
    func precedes(_ other: _HeapEntry) -> Bool {
        time < other.time || (time == other.time && key < other.key)
    }
}

/// A 4-ary min-heap of `_HeapEntry` in one contiguous array.
///
/// Chosen over a binary heap, a pairing heap and a calendar queue by measurement
/// (`docs/performance.md`): the shallower tree halves the levels a sift-down walks and its four
/// children share a cache line or two. Sifts move a "hole" instead of swapping.
@usableFromInline
struct _EventHeap {
    @usableFromInline var entries: ContiguousArray<_HeapEntry> = []

    @inlinable init(reservingCapacity capacity: Int) {
        entries.reserveCapacity(capacity)
    }

    @inlinable var count: Int { entries.count }
    @inlinable var first: _HeapEntry? { entries.first }

    /// - Complexity: O(log₄ n)
    @inlinable
    mutating func push(_ entry: _HeapEntry) {
        entries.append(entry)
        entries.withUnsafeMutableBufferPointer { heap in
            var hole = heap.count - 1
            while hole > 0 {
                let parent = (hole - 1) >> 2
                guard entry.precedes(heap[parent]) else { break }
                heap[hole] = heap[parent]
                hole = parent
            }
            heap[hole] = entry
        }
    }

    /// Removes and returns the least entry.
    /// - Complexity: O(log₄ n)
    @inlinable
    mutating func popMin() -> _HeapEntry? {
        guard let last = entries.popLast() else { return nil }
        guard !entries.isEmpty else { return last }
        let top = entries[0]
        entries.withUnsafeMutableBufferPointer { heap in
            let n = heap.count
            var hole = 0
            while true {
                let firstChild = 4 * hole + 1
                if firstChild >= n { break }
                var best = firstChild
                let end = min(firstChild + 4, n)
                var child = firstChild + 1
                while child < end {
                    if heap[child].precedes(heap[best]) { best = child }
                    child += 1
                }
                guard heap[best].precedes(last) else { break }
                heap[hole] = heap[best]
                hole = best
            }
            heap[hole] = last
        }
        return top
    }

    /// Rebuilds the heap keeping only entries for which `keep` is true.
    /// - Complexity: O(n)
    @inlinable
    mutating func compact(keeping keep: (_HeapEntry) -> Bool) {
        let kept = entries.filter(keep)
        entries.removeAll(keepingCapacity: true)
        for entry in kept { push(entry) }
    }
}
