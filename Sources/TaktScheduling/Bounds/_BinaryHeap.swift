/// A small binary heap ordered by `isHigher` (the element for which it is true comes out first).
struct BinaryHeap<Element> {
    private var items: [Element] = []
    private let isHigher: (Element, Element) -> Bool

    init(isHigher: @escaping (Element, Element) -> Bool) { self.isHigher = isHigher }

    var isEmpty: Bool { items.isEmpty }

    /// - Complexity: O(log n).
    mutating func push(_ element: Element) {
        items.append(element)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard isHigher(items[child], items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    /// - Complexity: O(log n).
    mutating func pop() -> Element? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var highest = parent
            if left < items.count && isHigher(items[left], items[highest]) { highest = left }
            if right < items.count && isHigher(items[right], items[highest]) { highest = right }
            guard highest != parent else { break }
            items.swapAt(parent, highest)
            parent = highest
        }
        return top
    }
}
