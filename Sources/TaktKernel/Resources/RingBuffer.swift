/// A first-in, first-out queue in one contiguous, growable circular buffer: O(1) push and pop,
/// no allocation once it has reached its largest size. Used for waiting lines.
public struct RingBuffer<Element> {
    @usableFromInline var storage: ContiguousArray<Element?>
    @usableFromInline var head = 0
    @usableFromInline var _count = 0

    /// Creates an empty buffer with room for `capacity` elements before it first grows.
    public init(capacity: Int = 16) {
        storage = ContiguousArray(repeating: nil, count: Swift.max(1, capacity))
    }

    /// The number of elements.
    @inlinable public var count: Int { _count }
    /// True when empty.
    @inlinable public var isEmpty: Bool { _count == 0 }
    /// The element that `popFirst` would return.
    @inlinable public var first: Element? { _count > 0 ? storage[head] : nil }

    /// Appends at the back.
    @inlinable
    public mutating func append(_ element: Element) {
        if _count == storage.count { grow() }
        var index = head + _count
        if index >= storage.count { index -= storage.count }
        storage[index] = element
        _count += 1
    }

    /// Removes and returns the front element.
    @inlinable
    public mutating func popFirst() -> Element? {
        guard _count > 0 else { return nil }
        let element = storage[head]
        storage[head] = nil
        head += 1
        if head == storage.count { head = 0 }
        _count -= 1
        return element
    }

    /// The element `offset` places behind the front (0 is the front).
    /// - Precondition: 0 ≤ offset < count.
    @inlinable
    public subscript(offset: Int) -> Element {
        precondition(offset >= 0 && offset < _count, "ring buffer offset out of range")
        var index = head + offset
        if index >= storage.count { index -= storage.count }
        return storage[index]!
    }

    @usableFromInline
    mutating func grow() {
        var bigger = ContiguousArray<Element?>(repeating: nil, count: storage.count * 2)
        for offset in 0..<_count {
            var index = head + offset
            if index >= storage.count { index -= storage.count }
            bigger[offset] = storage[index]
        }
        storage = bigger
        head = 0
    }
}
