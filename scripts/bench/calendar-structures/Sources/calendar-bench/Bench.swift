/// Order-sensitive hash of the popped keys: every structure must produce the
/// same value for the same workload (they all pop in exact (time, key) order).
@inline(__always)
func mixHash(_ h: UInt64, _ key: UInt64) -> UInt64 {
    (h ^ key) &* 0x0000_0100_0000_01B3
}

struct Measurement {
    var nsPerOp: Double
    var hash: UInt64
}

/// Classic hold model: fill with `initial.count` entries (times = samples of
/// the increment distribution), then `incs.count` holds (pop min, push
/// popped.time + increment). Only the holds are timed.
@inline(never)
func holdRun<Q: EventQueue>(_: Q.Type, initial: [Double], incs: [Double]) -> Measurement {
    var q = Q(capacity: initial.count + 1)
    var key: UInt64 = 0
    for t in initial {
        q.push(Entry(time: t, key: key, slot: Int32(truncatingIfNeeded: key)))
        key &+= 1
    }
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    let clock = ContinuousClock()
    let start = clock.now
    incs.withUnsafeBufferPointer { inc in
        for i in 0..<inc.count {
            guard let e = q.popMin() else { fatalError("queue ran empty") }
            h = mixHash(h, e.key)
            q.push(Entry(time: e.time + inc[i], key: key, slot: e.slot))
            key &+= 1
        }
    }
    let elapsed = start.duration(to: clock.now)
    precondition(q.count == initial.count)
    return Measurement(nsPerOp: nanoseconds(elapsed) / Double(incs.count), hash: h)
}

/// A real M/M/c event pattern: one pending arrival plus one departure per
/// busy server (c = 5, rho = 0.9, so 1..6 pending events, ~5.5 on average).
/// Reports ns per event (one pop and 0..2 pushes, ~1 on average).
@inline(never)
func mmcRun<Q: EventQueue>(_: Q.Type, servers c: Int, interArrivals ia: [Double],
                           services sv: [Double], events: Int) -> Measurement {
    var q = Q(capacity: c + 2)
    var key: UInt64 = 0
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    var busy = 0, waiting = 0, ai = 0, si = 0
    let na = ia.count, ns = sv.count
    let clock = ContinuousClock()
    let start = clock.now
    ia.withUnsafeBufferPointer { ia in
        sv.withUnsafeBufferPointer { sv in
            q.push(Entry(time: ia[0], key: key, slot: -1)); key &+= 1; ai = 1
            for _ in 0..<events {
                guard let e = q.popMin() else { fatalError("queue ran empty") }
                h = mixHash(h, e.key)
                if e.slot < 0 {  // arrival
                    q.push(Entry(time: e.time + ia[ai], key: key, slot: -1)); key &+= 1
                    ai += 1; if ai == na { ai = 0 }
                    if busy < c {
                        busy += 1
                        q.push(Entry(time: e.time + sv[si], key: key, slot: 1)); key &+= 1
                        si += 1; if si == ns { si = 0 }
                    } else {
                        waiting += 1
                    }
                } else {  // departure
                    if waiting > 0 {
                        waiting -= 1
                        q.push(Entry(time: e.time + sv[si], key: key, slot: 1)); key &+= 1
                        si += 1; if si == ns { si = 0 }
                    } else {
                        busy -= 1
                    }
                }
            }
        }
    }
    let elapsed = start.duration(to: clock.now)
    return Measurement(nsPerOp: nanoseconds(elapsed) / Double(events), hash: h)
}

func nanoseconds(_ d: Duration) -> Double {
    let c = d.components
    return Double(c.seconds) * 1e9 + Double(c.attoseconds) * 1e-9
}
