/// Variants kept for A/B measurements only (not in the default set; select
/// them with --structs). See RESULTS.md for what they showed.

/// `BinaryHeap` with a branch-free choice of the smaller child (flag
/// arithmetic instead of a conditional jump). Measured slower in the hold
/// model: the jump is well predicted there and the select lengthens the
/// load -> compare -> address dependency chain.
struct BranchlessBinaryHeap: EventQueue {
    static let name = "binary-branchless"

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
                let p = (i - 1) >> 1
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
                var c = 2 &* i &+ 1
                if c >= n { break }
                if c &+ 1 < n {
                    // branch-free choice of the smaller child
                    c &+= Entry.lessBranchless(h[c &+ 1], h[c]) ? 1 : 0
                }
                let ce = h[c]
                if !(ce < last) { break }
                h[i] = ce
                i = c
            }
            h[i] = last
            return top
        }
    }
}

/// Brown's calendar queue plus width re-estimation driven by measured work
/// (see `CalendarQueueImpl`).
enum AdaptivePolicy: CalendarPolicy {
    static var name: String { "calendar-adaptive" }
    static var adaptive: Bool { true }
}
typealias AdaptiveCalendarQueue = CalendarQueueImpl<AdaptivePolicy>
