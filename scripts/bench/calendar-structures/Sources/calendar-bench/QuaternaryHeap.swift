/// Implicit 4-ary min-heap in one contiguous array (children of i are
/// 4i+1 ... 4i+4). Hole-based sifts, like `BinaryHeap`.
struct QuaternaryHeap: EventQueue {
    static let name = "4-ary"

    private var a: ContiguousArray<Entry>

    init(capacity: Int) {
        a = []
        a.reserveCapacity(Swift.max(capacity, 16))
    }

    var count: Int { a.count }

    mutating func push(_ e: Entry) {
        a.append(e)
        a.withUnsafeMutableBufferPointer { h in
            var i = h.count - 1
            while i > 0 {
                let p = (i - 1) >> 2
                let pe = h[p]
                if !(e < pe) { break }
                h[i] = pe
                i = p
            }
            h[i] = e
        }
    }

    mutating func popMin() -> Entry? {
        guard let last = a.popLast() else { return nil }
        if a.isEmpty { return last }
        return a.withUnsafeMutableBufferPointer { h -> Entry in
            let top = h[0]
            let n = h.count
            var i = 0
            while true {
                let c0 = 4 &* i &+ 1
                if c0 >= n { break }
                var m: Int
                var me: Entry
                if c0 &+ 3 < n {
                    // Full family: two-level tournament.
                    let e0 = h[c0], e1 = h[c0 &+ 1], e2 = h[c0 &+ 2], e3 = h[c0 &+ 3]
                    let (ma, ea) = e1 < e0 ? (c0 &+ 1, e1) : (c0, e0)
                    let (mb, eb) = e3 < e2 ? (c0 &+ 3, e3) : (c0 &+ 2, e2)
                    if eb < ea { m = mb; me = eb } else { m = ma; me = ea }
                } else {
                    m = c0
                    me = h[c0]
                    var c = c0 &+ 1
                    while c < n {
                        let ce = h[c]
                        if ce < me { m = c; me = ce }
                        c &+= 1
                    }
                }
                if !(me < last) { break }
                h[i] = me
                i = m
            }
            h[i] = last
            return top
        }
    }
}
