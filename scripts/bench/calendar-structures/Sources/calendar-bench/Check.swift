/// Reference priority queue: an array kept sorted in descending (time, key)
/// order, so the minimum is at the end. O(n) insert, trivially correct.
struct SortedReference {
    private(set) var a: [Entry] = []
    var count: Int { a.count }

    mutating func push(_ e: Entry) {
        // first index whose element is < e (descending order)
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < e { hi = mid } else { lo = mid + 1 }
        }
        a.insert(e, at: lo)
    }

    mutating func popMin() -> Entry? { a.popLast() }
}

/// Random push/pop sequences checked pop-for-pop against the reference.
/// Returns the number of operations checked; calls `fatalError` on mismatch.
func selfCheck<Q: EventQueue>(_: Q.Type, seed: UInt64) -> Int {
    var rng = Xoshiro256StarStar(seed: seed)
    var ops = 0

    func fail(_ msg: String) -> Never {
        fatalError("self-check FAILED for \(Q.name): \(msg)")
    }

    // One scenario: `steps` random operations with push probability `pPush`
    // and times from `timeGen` (given the last popped time), then a full drain.
    func scenario(_ label: String, steps: Int, pPush: Double,
                  _ timeGen: (inout Xoshiro256StarStar, Double) -> Double) {
        var q = Q(capacity: 16)
        var ref = SortedReference()
        var key: UInt64 = 0
        var lastPopped = 0.0
        func popBoth() {
            let got = q.popMin()
            let want = ref.popMin()
            ops += 1
            switch (got, want) {
            case (nil, nil): break
            case let (g?, w?):
                if g.key != w.key || g.time != w.time || g.slot != w.slot {
                    fail("\(label): popped (t=\(g.time), key=\(g.key)), expected (t=\(w.time), key=\(w.key)) at op \(ops)")
                }
                lastPopped = w.time
            default:
                fail("\(label): popped \(String(describing: got)), expected \(String(describing: want))")
            }
            if q.count != ref.count { fail("\(label): count \(q.count) != \(ref.count)") }
        }
        for _ in 0..<steps {
            if rng.uniform() < pPush {
                let e = Entry(time: timeGen(&rng, lastPopped), key: key,
                              slot: Int32(truncatingIfNeeded: key &* 7))
                key += 1
                q.push(e)
                ref.push(e)
                ops += 1
                if q.count != ref.count { fail("\(label): count \(q.count) != \(ref.count)") }
            } else {
                popBoth()
            }
        }
        while ref.count > 0 { popBoth() }
        popBoth()  // both must now return nil
    }

    // Heavy ties: 50 distinct integer times, arbitrary (non-monotone) order.
    scenario("ties/random", steps: 60_000, pPush: 0.6) { r, _ in Double(r.next() % 50) }
    // Continuous times, wide range including negatives; queue grows to ~12k.
    scenario("uniform wide", steps: 60_000, pPush: 0.6) { r, _ in (r.uniform() - 0.5) * 2e6 }
    // Grow/shrink cycles (exercises calendar resizes both ways).
    for cycle in 0..<6 {
        scenario("grow/shrink \(cycle)", steps: 8_000, pPush: cycle % 2 == 0 ? 0.8 : 0.5) { r, _ in
            r.uniform() * 1000
        }
    }
    // DES-like: new time = last popped + increment, 30% zero increments
    // (many simultaneous events), rest bimodal.
    scenario("hold/ties", steps: 100_000, pPush: 0.52) { r, last in
        let u = r.uniform()
        if u < 0.3 { return last }
        return last + (u < 0.93 ? 0.1 * r.uniform() : 100 * r.uniform())
    }
    // DES-like with exponential increments on quantised times.
    scenario("hold/quantised", steps: 100_000, pPush: 0.5) { r, last in
        last + (r.exponential(mean: 2)).rounded(.down)
    }
    // All times equal: order is pure key order.
    scenario("all equal", steps: 20_000, pPush: 0.7) { _, _ in 5.0 }
    // Tiny queue, as in the M/M/c case.
    scenario("tiny", steps: 50_000, pPush: 0.5) { r, last in last + r.exponential(mean: 1) }
    // Huge magnitudes (vb clamping in the calendar queue).
    scenario("huge times", steps: 20_000, pPush: 0.6) { r, _ in
        r.uniform() < 0.5 ? r.uniform() * 1e-3 : r.uniform() * 1e300
    }
    return ops
}
