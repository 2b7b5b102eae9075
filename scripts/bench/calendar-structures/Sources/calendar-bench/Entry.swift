/// One pending event. Ordered by `time`, then by `key` (a unique sequence
/// number that increases in insertion order, so equal times pop FIFO).
struct Entry {
    var time: Double
    var key: UInt64
    var slot: Int32
}

extension Entry {
    /// Strict (time, key) order. Times are never NaN.
    @inline(__always)
    static func < (a: Entry, b: Entry) -> Bool {
        a.time < b.time || (a.time == b.time && a.key < b.key)
    }

    /// Same order as `<`, written without short-circuits so the compiler
    /// can emit flag arithmetic (setcc/and/or) instead of branches. Used
    /// where the outcome is unpredictable (picking the smaller child).
    @inline(__always)
    static func lessBranchless(_ a: Entry, _ b: Entry) -> Bool {
        let lt = UInt8(a.time < b.time ? 1 : 0)
        let eq = UInt8(a.time == b.time ? 1 : 0)
        let kl = UInt8(a.key < b.key ? 1 : 0)
        return (lt | (eq & kl)) != 0
    }
}

/// The API every candidate structure implements.
protocol EventQueue {
    static var name: String { get }
    /// `capacity` is a hint used to preallocate storage.
    init(capacity: Int)
    mutating func push(_ e: Entry)
    mutating func popMin() -> Entry?
    var count: Int { get }
}
