/// The values logged for parts between a processing operation and their inspection, keyed by
/// job serial: a fixed table of `capacity` slots addressed by serial modulo capacity, so storing,
/// finding and removing a part allocate nothing. A part processed again (rework) overwrites its
/// own slot — the latest values count. Serials grow as parts are released, so two parts share a
/// slot only when more than `capacity` are in flight at once; the older one is then forgotten
/// (counted in `overwritten`) and its verdict will find no values.
struct PendingParts: Sendable {
    /// Values stored per part.
    let width: Int
    let capacity: Int
    var serials: [Int64]
    var values: [Double]
    /// Parts forgotten because a newer part took their slot before their verdict came.
    private(set) var overwritten = 0

    init(width: Int, capacity: Int) {
        self.width = width
        self.capacity = max(1, capacity)
        serials = Array(repeating: -1, count: self.capacity)
        values = Array(repeating: 0, count: self.capacity * width)
    }

    @inline(__always)
    func slot(_ serial: Int64) -> Int {
        Int(UInt64(bitPattern: serial) % UInt64(capacity))
    }

    /// Stores `first` followed by `second` (together `width` values) for the part.
    mutating func store(_ serial: Int64, _ first: [Double], _ second: [Double]) {
        let s = slot(serial)
        if serials[s] >= 0 && serials[s] != serial { overwritten += 1 }
        serials[s] = serial
        var index = s * width
        for value in first.prefix(width) {
            values[index] = value
            index += 1
        }
        for value in second.prefix(width - first.count) {
            values[index] = value
            index += 1
        }
        while index < (s + 1) * width {   // fewer values than expected (should not happen): zeros
            values[index] = 0
            index += 1
        }
    }

    /// The slot holding the part's values, removed from the table (nil if it is not there).
    /// Its values stay readable at `values[slot · width ..< (slot + 1) · width]` until the slot
    /// is stored into again.
    mutating func take(_ serial: Int64) -> Int? {
        guard serial >= 0 else { return nil }
        let s = slot(serial)
        guard serials[s] == serial else { return nil }
        serials[s] = -1
        return s
    }
}
