import Foundation

/// How many events a runner simulates between two looks at the world (a stop request, a
/// progress report, the recorded rows): sized by wall time, so a stop lands within about a
/// tenth of a second whether an event costs 50 ns (a queue) or 0.1 ms (a dispatch over a long
/// queue under a dynamic rule). A fixed slice of 250,000 events made SIGTERM wait 20 s there.
/// Slices never change results: the model and the recorded bytes do not depend on them.
struct SliceBudget {
    /// The wall time one slice aims at.
    static let target = 0.1
    let largest: Int
    private(set) var events: Int
    private var started = DispatchTime.now().uptimeNanoseconds

    /// - Parameter largest: the most events per slice (the rows of one slice are held in memory
    ///   when they are recorded).
    init(largest: Int) {
        self.largest = largest
        events = min(largest, 1_000)
    }

    /// After a slice: the size of the next one, from the events per second of this one
    /// (growing at most fourfold at a time, never below 100 events).
    mutating func update() {
        let now = DispatchTime.now().uptimeNanoseconds
        let seconds = Double(now &- started) / 1e9
        started = now
        let rate = Double(events) / max(seconds, 1e-6)
        events = max(100, min(largest, events * 4, Int(rate * Self.target)))
    }
}
