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

/// 4-ary min-heap operations on a raw buffer of `_HeapEntry`.
///
/// Chosen over a binary heap, a pairing heap and a calendar queue by measurement
/// (`docs/performance.md`): the shallower tree halves the levels a sift-down walks and its four
/// children sit side by side in memory. Sifts move a "hole" instead of swapping.
@usableFromInline
enum _QuaternaryHeap {
    /// Restores heap order after `entry` was placed at `index` (the end of the heap).
    /// - Complexity: O(log₄ n)
    @inlinable @inline(__always)
    static func siftUp(_ heap: UnsafeMutablePointer<_HeapEntry>, from index: Int, _ entry: _HeapEntry) {
        var hole = index
        while hole > 0 {
            let parent = (hole - 1) >> 2
            guard entry.precedes(heap[parent]) else { break }
            heap[hole] = heap[parent]
            hole = parent
        }
        heap[hole] = entry
    }

    /// Places `entry` (the former last element) starting at the root of a heap of `count`.
    /// - Complexity: O(log₄ n)
    @inlinable @inline(__always)
    static func siftDown(_ heap: UnsafeMutablePointer<_HeapEntry>, count n: Int, _ entry: _HeapEntry) {
        var hole = 0
        while true {
            let firstChild = 4 &* hole &+ 1
            if firstChild >= n { break }
            var best = firstChild
            let end = Swift.min(firstChild &+ 4, n)
            var child = firstChild &+ 1
            while child < end {
                if heap[child].precedes(heap[best]) { best = child }
                child &+= 1
            }
            guard heap[best].precedes(entry) else { break }
            heap[hole] = heap[best]
            hole = best
        }
        heap[hole] = entry
    }
}
