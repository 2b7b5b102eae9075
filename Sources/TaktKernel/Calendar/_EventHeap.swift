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

/// Binary min-heap operations on a raw buffer of `_HeapEntry`.
///
/// Chosen by measurement (docs/performance.md §5) over a 4-ary heap, a pairing heap and a
/// calendar queue: fastest for the small calendars of most factory models (n ≤ 100 pending
/// events) and 15–20% fewer instructions than the 4-ary heap at every size; a calendar queue is
/// faster only past a few hundred pending events. Sifts move a "hole" instead of swapping.
@usableFromInline
enum _BinaryHeap {
    /// Restores heap order after `entry` was placed at `index` (the end of the heap).
    /// - Complexity: O(log₂ n)
    @inlinable @inline(__always)
    static func siftUp(_ heap: UnsafeMutablePointer<_HeapEntry>, from index: Int, _ entry: _HeapEntry) {
        var hole = index
        while hole > 0 {
            let parent = (hole - 1) >> 1
            guard entry.precedes(heap[parent]) else { break }
            heap[hole] = heap[parent]
            hole = parent
        }
        heap[hole] = entry
    }

    /// Places `entry` (the former last element) starting at the root of a heap of `count`.
    /// - Complexity: O(log₂ n)
    @inlinable @inline(__always)
    static func siftDown(_ heap: UnsafeMutablePointer<_HeapEntry>, count n: Int, _ entry: _HeapEntry) {
        var hole = 0
        while true {
            var child = 2 &* hole &+ 1
            if child >= n { break }
            if child &+ 1 < n && heap[child &+ 1].precedes(heap[child]) { child &+= 1 }
            guard heap[child].precedes(entry) else { break }
            heap[hole] = heap[child]
            hole = child
        }
        heap[hole] = entry
    }
}
