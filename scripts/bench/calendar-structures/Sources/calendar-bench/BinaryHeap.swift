/// Implicit binary min-heap in one contiguous array. Sifts move a "hole"
/// (one store per level) instead of swapping.
struct BinaryHeap: EventQueue {
    static let name = "binary"

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
                var ce = h[c]
                if c &+ 1 < n {
                    let r = h[c &+ 1]
                    if r < ce { c &+= 1; ce = r }
                }
                if !(ce < last) { break }
                h[i] = ce
                i = c
            }
            h[i] = last
            return top
        }
    }
}
