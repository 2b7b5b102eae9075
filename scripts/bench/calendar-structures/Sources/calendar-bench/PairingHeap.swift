/// Pairing heap (Fredman, Sedgewick, Sleator, Tarjan 1986) with the standard
/// two-pass merge on delete-min. Nodes live in one contiguous array and link
/// by Int32 index (first child / next sibling); freed nodes go on a free list
/// (threaded through `sibling`), so steady state allocates nothing.
struct PairingHeap: EventQueue {
    static let name = "pairing"

    struct Node {
        var e: Entry
        var child: Int32
        var sibling: Int32
    }

    private var nodes: ContiguousArray<Node>
    private var root: Int32 = -1
    private var freeHead: Int32 = -1
    private(set) var count: Int = 0

    init(capacity: Int) {
        nodes = []
        nodes.reserveCapacity(Swift.max(capacity, 16))
    }

    /// Links two roots (their `sibling` must already be -1 or be overwritten
    /// by the caller); the loser becomes the winner's first child.
    @inline(__always)
    private static func meld(_ nd: UnsafeMutableBufferPointer<Node>, _ a: Int32, _ b: Int32) -> Int32 {
        let ia = Int(a), ib = Int(b)
        if nd[ib].e < nd[ia].e {
            nd[ia].sibling = nd[ib].child
            nd[ib].child = a
            return b
        } else {
            nd[ib].sibling = nd[ia].child
            nd[ia].child = b
            return a
        }
    }

    mutating func push(_ e: Entry) {
        let idx: Int32
        if freeHead >= 0 {
            idx = freeHead
            freeHead = nodes[Int(idx)].sibling
            nodes[Int(idx)] = Node(e: e, child: -1, sibling: -1)
        } else {
            idx = Int32(truncatingIfNeeded: nodes.count)
            nodes.append(Node(e: e, child: -1, sibling: -1))
        }
        count &+= 1
        if root < 0 { root = idx; return }
        let r = root
        root = nodes.withUnsafeMutableBufferPointer { nd in
            PairingHeap.meld(nd, r, idx)
        }
    }

    mutating func popMin() -> Entry? {
        if root < 0 { return nil }
        let r = root
        let fh = freeHead
        let (e, newRoot) = nodes.withUnsafeMutableBufferPointer { nd -> (Entry, Int32) in
            let ir = Int(r)
            let e = nd[ir].e
            let first = nd[ir].child
            nd[ir].child = -1
            nd[ir].sibling = fh  // onto the free list
            if first < 0 { return (e, -1) }
            // Pass 1: meld pairs left to right, pushing results on a stack
            // (threaded through `sibling`), so the stack top is the rightmost.
            var stack: Int32 = -1
            var cur = first
            while cur >= 0 {
                let a = cur
                let b = nd[Int(a)].sibling
                if b < 0 {
                    nd[Int(a)].sibling = stack
                    stack = a
                    break
                }
                let next = nd[Int(b)].sibling
                nd[Int(a)].sibling = -1
                nd[Int(b)].sibling = -1
                let m = PairingHeap.meld(nd, a, b)
                nd[Int(m)].sibling = stack
                stack = m
                cur = next
            }
            // Pass 2: meld right to left into one tree.
            var result = stack
            var rest = nd[Int(result)].sibling
            nd[Int(result)].sibling = -1
            while rest >= 0 {
                let nxt = nd[Int(rest)].sibling
                nd[Int(rest)].sibling = -1
                result = PairingHeap.meld(nd, result, rest)
                rest = nxt
            }
            return (e, result)
        }
        freeHead = r
        root = newRoot
        count &-= 1
        return e
    }
}
