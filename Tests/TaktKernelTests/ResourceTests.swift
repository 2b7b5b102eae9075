import TaktKernel
import XCTest

final class ResourceTests: XCTestCase {
    /// Requests beyond capacity queue, and releases hand units over first come, first served.
    func testFIFOHandOver() {
        var resource = Resource(capacity: 2)
        XCTAssertEqual(resource.request(1), .granted)
        XCTAssertEqual(resource.request(2), .granted)
        XCTAssertEqual(resource.request(3), .queued)
        XCTAssertEqual(resource.request(4), .queued)
        XCTAssertEqual(resource.queueLength, 2)
        XCTAssertEqual(resource.release(1), 3)
        XCTAssertEqual(resource.release(2), 4)
        XCTAssertNil(resource.release(3))
        XCTAssertEqual(resource.currentHolders, [4])
    }

    /// Lower priority numbers are served first; equal priorities in request order.
    func testPriorityQueue() {
        var resource = Resource(capacity: 1)
        resource.request(0)
        resource.request(1, priority: 2)
        resource.request(2, priority: 1)
        resource.request(3, priority: 2)
        resource.request(4, priority: 1)
        XCTAssertEqual(resource.waitingRequesters, [2, 4, 1, 3])
        var served: [Int] = []
        var holder = 0
        while let next = resource.release(holder) { served.append(next); holder = next }
        XCTAssertEqual(served, [2, 4, 1, 3])
    }

    /// A preemptive resource evicts the weakest holder for a strictly more urgent request only.
    func testPreemption() {
        var crew = Resource(capacity: 1, preemptive: true)
        XCTAssertEqual(crew.request(7, priority: 1), .granted)
        XCTAssertEqual(crew.request(8, priority: 1), .queued, "equal priority does not preempt")
        XCTAssertEqual(crew.request(3, priority: 0), .preempted(victim: 7))
        XCTAssertTrue(crew.isHolding(3))
        XCTAssertFalse(crew.isHolding(7))
        XCTAssertEqual(crew.release(3), 8)
    }

    /// A waiting requester can withdraw; the rest keep their order.
    func testWithdraw() {
        var resource = Resource(capacity: 1)
        resource.request(0)
        for id in 1...4 { resource.request(id) }
        XCTAssertTrue(resource.withdraw(2))
        XCTAssertFalse(resource.withdraw(2))
        XCTAssertEqual(resource.waitingRequesters, [1, 3, 4])
    }

    /// The ring buffer keeps FIFO order across growth and wrap-around.
    func testRingBuffer() {
        var buffer = RingBuffer<Int>(capacity: 2)
        var expected: [Int] = []
        for round in 0..<50 {
            for value in 0..<(round % 7) { buffer.append(round * 10 + value); expected.append(round * 10 + value) }
            for _ in 0..<(round % 5) where !expected.isEmpty {
                XCTAssertEqual(buffer.popFirst(), expected.removeFirst())
            }
            XCTAssertEqual(buffer.count, expected.count)
            if let first = expected.first { XCTAssertEqual(buffer[0], first) }
        }
    }
}
