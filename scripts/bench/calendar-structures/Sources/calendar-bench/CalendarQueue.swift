/// Calendar queue after R. Brown, "Calendar queues: a fast O(1) priority
/// queue implementation for the simulation event set problem", CACM 31(10),
/// 1988.
///
/// * `nb` buckets (a power of two) of width `width`; an entry with time t
///   belongs to "virtual bucket" vb(t) = floor(t / width) and is stored in
///   bucket vb(t) mod nb, in a list sorted by (time, key).
/// * Dequeue scans buckets from the current one; a bucket's head is popped
///   if it belongs to the current year (vb(head) <= current vb). After one
///   full year without a hit it falls back to a direct search of all heads.
/// * Resize (Brown): double when count > 2*nb, halve when count < nb/2 - 2;
///   the new width is 3x the average separation of up to 25 events sampled
///   from the front of the queue (separations > 2x the average discarded).
///
/// Exactness: the "current year" test is done on the same integer vb(t)
/// used to pick the bucket (not on an accumulated floating bucket top), and
/// vb is monotone in t, so pops follow the exact (time, key) order
/// including equal times (equal times share a bucket, sorted by key).
///
/// Storage: nodes in one contiguous array linked by Int32 `next`, with a
/// free list; bucket heads in one Int32 array (reallocated only on resize).
///
/// `Policy.adaptive` (off for `CalendarQueue`, i.e. plain Brown 1988) adds a
/// width re-estimate when the measured work per operation (buckets scanned
/// per pop + list nodes walked per push) stays high over a window of
/// max(count, 256) operations, in the spirit of later "dynamic" calendar
/// queues (SNOOPy CQ, DCQ): Brown only re-estimates the width when the
/// bucket count changes, which never happens when the queue size is stable.
typealias CalendarQueue = CalendarQueueImpl<BrownPolicy>

protocol CalendarPolicy {
    static var name: String { get }
    static var adaptive: Bool { get }
}

enum BrownPolicy: CalendarPolicy {
    static var name: String { "calendar" }
    static var adaptive: Bool { false }
}

struct CalendarQueueImpl<Policy: CalendarPolicy>: EventQueue {
    static var name: String { Policy.name }

    struct Node {
        var e: Entry
        var next: Int32
    }

    private var nodes: ContiguousArray<Node>
    private var freeHead: Int32 = -1
    private var heads: ContiguousArray<Int32>
    private var nb: Int = 2
    private var mask: Int = 1
    private var width: Double = 1.0
    private var inv: Double = 1.0
    private var curVB: Int64 = 0          // virtual bucket of the scan position
    private var topThreshold: Int = 4
    private var botThreshold: Int = -1
    private var resizeEnabled = true
    private(set) var count: Int = 0
    /// Number of resizes performed (diagnostics).
    private(set) var resizes: Int = 0
    // adaptive policy bookkeeping
    private var workCost: Int = 0
    private var workOps: Int = 0
    private var workWindow: Int = 256
    private var backoff: Int = 1

    init(capacity: Int) {
        nodes = []
        nodes.reserveCapacity(Swift.max(capacity, 16))
        heads = ContiguousArray(repeating: -1, count: 2)
    }

    /// floor(t / width), clamped to +-2^52 so the conversion cannot trap.
    /// Monotone non-decreasing in t.
    @inline(__always)
    private static func vb(_ t: Double, _ inv: Double) -> Int64 {
        var x = t * inv
        if !(x < 4.0e15) { x = 4.0e15 }
        if !(x > -4.0e15) { x = -4.0e15 }
        var v = Int64(x)                  // truncates toward zero
        if Double(v) > x { v &-= 1 }      // floor for negatives
        return v
    }

    @inline(__always)
    private static func insert(_ nd: UnsafeMutableBufferPointer<Node>,
                               _ hd: UnsafeMutableBufferPointer<Int32>,
                               _ idx: Int32, _ bucket: Int) -> Int {
        let e = nd[Int(idx)].e
        var prev: Int32 = -1
        var cur = hd[bucket]
        var steps = 0
        while cur >= 0 && nd[Int(cur)].e < e {
            prev = cur
            cur = nd[Int(cur)].next
            steps &+= 1
        }
        nd[Int(idx)].next = cur
        if prev < 0 { hd[bucket] = idx } else { nd[Int(prev)].next = idx }
        return steps
    }

    mutating func push(_ e: Entry) {
        let idx: Int32
        if freeHead >= 0 {
            idx = freeHead
            freeHead = nodes[Int(idx)].next
            nodes[Int(idx)].e = e
        } else {
            idx = Int32(truncatingIfNeeded: nodes.count)
            nodes.append(Node(e: e, next: -1))
        }
        let v = CalendarQueueImpl.vb(e.time, inv)
        if count == 0 || v < curVB { curVB = v }
        let bucket = Int(truncatingIfNeeded: v) & mask
        let steps = nodes.withUnsafeMutableBufferPointer { nd in
            heads.withUnsafeMutableBufferPointer { hd in
                CalendarQueueImpl.insert(nd, hd, idx, bucket)
            }
        }
        count &+= 1
        if count > topThreshold && resizeEnabled { resize(nb * 2) }
        if Policy.adaptive && resizeEnabled { account(steps) }
    }

    /// Adaptive policy: re-estimate the width (same bucket count) when the
    /// average work per operation over the window exceeds a threshold; back
    /// off exponentially if re-estimating does not help.
    @inline(__always)
    private mutating func account(_ cost: Int) {
        workCost &+= cost
        workOps &+= 1
        if workOps < workWindow { return }
        if workCost > 6 * workOps && resizeEnabled && count >= 8 {
            resize(nb)
            backoff = Swift.min(backoff * 2, 1 << 20)
        } else {
            backoff = 1
        }
        workCost = 0
        workOps = 0
        workWindow = Swift.max(count, 256) * backoff
    }

    mutating func popMin() -> Entry? {
        if count == 0 { return nil }
        let inv = self.inv, mask = self.mask, nb = self.nb
        var v = curVB
        let fh = freeHead
        let (e, found, vFound, cost) = nodes.withUnsafeMutableBufferPointer { nd -> (Entry, Int32, Int64, Int) in
            heads.withUnsafeMutableBufferPointer { hd -> (Entry, Int32, Int64, Int) in
                var i = Int(truncatingIfNeeded: v) & mask
                var found: Int32 = -1
                var scanned = 0
                while scanned < nb {
                    let h = hd[i]
                    if h >= 0 && CalendarQueueImpl.vb(nd[Int(h)].e.time, inv) <= v {
                        found = h
                        break
                    }
                    i = (i &+ 1) & mask
                    v &+= 1
                    scanned &+= 1
                }
                if found < 0 {
                    // A whole year without a hit: direct search over all heads.
                    for b in 0..<nb {
                        let h = hd[b]
                        if h >= 0 && (found < 0 || nd[Int(h)].e < nd[Int(found)].e) {
                            found = h
                            i = b
                        }
                    }
                    v = CalendarQueueImpl.vb(nd[Int(found)].e.time, inv)
                    scanned &+= nb
                }
                hd[i] = nd[Int(found)].next
                nd[Int(found)].next = fh
                return (nd[Int(found)].e, found, v, scanned)
            }
        }
        freeHead = found
        curVB = vFound
        count &-= 1
        if count < botThreshold && resizeEnabled { resize(nb / 2) }
        if Policy.adaptive && resizeEnabled { account(cost) }
        return e
    }

    // MARK: resizing

    private mutating func resize(_ newNB: Int) {
        resizeEnabled = false
        let w = newWidth()
        resizeEnabled = true
        rebuild(buckets: Swift.max(newNB, 2), width: w)
        resizes &+= 1
    }

    /// Brown's width estimate: sample up to 25 events from the front of the
    /// queue (pop them, then push them back with their original keys).
    private mutating func newWidth() -> Double {
        if count < 2 { return width }
        let ns = count <= 5 ? count : Swift.min(5 + count / 10, 25)
        return withUnsafeTemporaryAllocation(of: Entry.self, capacity: 25) { buf -> Double in
            for k in 0..<ns { buf[k] = popMin()! }
            for k in 0..<ns { push(buf[k]) }
            let avg = (buf[ns - 1].time - buf[0].time) / Double(ns - 1)
            var sum = 0.0
            var n = 0
            for k in 1..<ns {
                let d = buf[k].time - buf[k - 1].time
                if d <= 2 * avg { sum += d; n += 1 }
            }
            let w = n > 0 ? 3 * sum / Double(n) : 0
            return (w > 0 && w.isFinite) ? w : width
        }
    }

    private mutating func rebuild(buckets newNB: Int, width w: Double) {
        var newHeads = ContiguousArray<Int32>(repeating: -1, count: newNB)
        let newInv = 1.0 / w
        let newMask = newNB - 1
        var minIdx: Int32 = -1
        nodes.withUnsafeMutableBufferPointer { nd in
            newHeads.withUnsafeMutableBufferPointer { nh in
                for b in 0..<heads.count {
                    var cur = heads[b]
                    while cur >= 0 {
                        let next = nd[Int(cur)].next
                        if minIdx < 0 || nd[Int(cur)].e < nd[Int(minIdx)].e { minIdx = cur }
                        let v = CalendarQueueImpl.vb(nd[Int(cur)].e.time, newInv)
                        _ = CalendarQueueImpl.insert(nd, nh, cur, Int(truncatingIfNeeded: v) & newMask)
                        cur = next
                    }
                }
            }
        }
        heads = newHeads
        nb = newNB
        mask = newMask
        width = w
        inv = newInv
        topThreshold = 2 * newNB
        botThreshold = newNB / 2 - 2
        if minIdx >= 0 { curVB = CalendarQueueImpl.vb(nodes[Int(minIdx)].e.time, newInv) }
    }
}
