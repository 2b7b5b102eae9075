import TaktKernel
import XCTest

final class EventCalendarTests: XCTestCase {
    /// Events pop in time order, whatever order they were scheduled in.
    func testPopsInTimeOrder() {
        var calendar = EventCalendar<Int>()
        for (payload, time) in [(0, 5.0), (1, 1.0), (2, 3.0), (3, 4.0), (4, 2.0)] {
            calendar.schedule(payload, at: time)
        }
        var popped: [Int] = []
        while let event = calendar.popNext() {
            XCTAssertEqual(calendar.now, event.time)
            popped.append(event.payload)
        }
        XCTAssertEqual(popped, [1, 4, 2, 3, 0])
    }

    /// Simultaneous events run by priority first, then in the order they were scheduled.
    func testTiesBreakByPriorityThenInsertion() {
        var calendar = EventCalendar<String>()
        calendar.schedule("a", at: 1)
        calendar.schedule("b", at: 1)
        calendar.schedule("late-urgent", at: 2, priority: -1)
        calendar.schedule("c", at: 1, priority: 1)
        calendar.schedule("urgent", at: 1, priority: -5)
        calendar.schedule("d", at: 1)
        var popped: [String] = []
        while let event = calendar.popNext() { popped.append(event.payload) }
        XCTAssertEqual(popped, ["urgent", "a", "b", "d", "c", "late-urgent"])
    }

    /// A cancelled event never runs; cancelling twice or after it ran does nothing.
    func testCancellation() {
        var calendar = EventCalendar<Int>()
        let first = calendar.schedule(1, at: 1)
        let second = calendar.schedule(2, at: 2)
        calendar.schedule(3, at: 3)
        XCTAssertEqual(calendar.count, 3)
        XCTAssertTrue(calendar.cancel(second))
        XCTAssertFalse(calendar.cancel(second))
        XCTAssertEqual(calendar.count, 2)
        XCTAssertFalse(calendar.isPending(second))
        XCTAssertEqual(calendar.popNext()?.payload, 1)
        XCTAssertFalse(calendar.cancel(first), "an event that ran cannot be cancelled")
        XCTAssertEqual(calendar.popNext()?.payload, 3)
        XCTAssertNil(calendar.popNext())
        XCTAssertEqual(calendar.eventsProcessed, 2)
    }

    /// A stale id does not cancel the event that later reuses its slot.
    func testStaleIDDoesNotCancelReusedSlot() {
        var calendar = EventCalendar<Int>()
        let old = calendar.schedule(1, at: 1)
        _ = calendar.popNext()
        let new = calendar.schedule(2, at: 2)
        XCTAssertNotEqual(old, new)
        XCTAssertFalse(calendar.cancel(old))
        XCTAssertTrue(calendar.isPending(new))
        XCTAssertEqual(calendar.popNext()?.payload, 2)
    }

    /// Rescheduling moves an event (a preempted repair resumes later) and keeps its payload.
    func testReschedule() {
        var calendar = EventCalendar<String>()
        let repair = calendar.schedule("repair-done", at: 5)
        calendar.schedule("other", at: 7)
        let moved = calendar.reschedule(repair, to: 9)
        XCTAssertNotNil(moved)
        XCTAssertFalse(calendar.isPending(repair))
        XCTAssertEqual(calendar.time(of: moved!), 9)
        XCTAssertEqual(calendar.popNext()?.payload, "other")
        XCTAssertEqual(calendar.popNext()?.payload, "repair-done")
        XCTAssertEqual(calendar.now, 9)
    }

    /// `nextTime` skips cancelled events at the top of the heap.
    func testNextTimeSkipsCancelled() {
        var calendar = EventCalendar<Int>()
        let early = calendar.schedule(1, at: 1)
        calendar.schedule(2, at: 4)
        calendar.cancel(early)
        XCTAssertEqual(calendar.nextTime(), 4)
    }

    /// Against a sorted reference: random schedules, cancellations and pops, including many equal
    /// times and enough cancellations to trigger tombstone compaction.
    func testRandomOperationsMatchSortedReference() {
        var rng = Xoshiro256StarStar(seed: 99)
        var calendar = EventCalendar<Int>()
        var reference: [(time: Double, priority: Int8, sequence: Int, payload: Int)] = []
        var ids: [Int: EventID] = [:]
        var sequence = 0
        for step in 0..<20_000 {
            let action = rng.next() % 10
            if action < 6 || reference.isEmpty {
                let time = calendar.now + Double(rng.next() % 20)   // many ties
                let priority = Int8(Int(rng.next() % 3) - 1)
                ids[step] = calendar.schedule(step, at: time, priority: priority)
                reference.append((time, priority, sequence, step))
                sequence += 1
            } else if action < 8 {
                let victim = reference[Int(rng.next() % UInt64(reference.count))]
                XCTAssertTrue(calendar.cancel(ids[victim.payload]!))
                reference.removeAll { $0.payload == victim.payload }
            } else {
                reference.sort { ($0.time, $0.priority, $0.sequence) < ($1.time, $1.priority, $1.sequence) }
                let expected = reference.removeFirst()
                let popped = calendar.popNext()
                XCTAssertEqual(popped?.payload, expected.payload)
                XCTAssertEqual(popped?.time, expected.time)
            }
            XCTAssertEqual(calendar.count, reference.count)
        }
    }

    /// `advance` moves the clock without running events.
    func testAdvance() {
        var calendar = EventCalendar<Int>(start: 10)
        calendar.schedule(1, after: 5)
        calendar.advance(to: 12)
        XCTAssertEqual(calendar.now, 12)
        XCTAssertEqual(calendar.popNext()?.time, 15)
    }
}
