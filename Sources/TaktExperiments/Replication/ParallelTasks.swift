import Dispatch
import Foundation

/// The experiment layer's one worker pool: tasks 0, 1, 2, … dealt to `threads` threads, each
/// task once, until all are done, a stop is requested or a task throws. Results are stored by
/// task index, so they never depend on the number of threads or on which thread ran what.
public enum ParallelTasks {
    /// Runs `body` for every task index below `count`; returns the results by index (nil for
    /// tasks not run because of a stop or an error) and the first error.
    public static func run<Result: Sendable>(count: Int, threads: Int, stop: StopSignal?,
                                      _ body: @Sendable (Int,
                                                         _ failed: @escaping @Sendable () -> Bool) throws -> Result)
        -> (results: [Result?], error: (any Error)?) {
        let state = SharedState<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, count))) { _ in
            while !(stop?.isRequested ?? false), let task = state.claim() {
                do {
                    let result = try body(task) { state.hasFailed }
                    state.store(result, at: task)
                } catch {
                    state.fail(error)
                }
            }
        }
        return state.outcome
    }

    /// The dispenser, the result slots and the first error, behind one lock.
    private final class SharedState<Result: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var results: [Result?]
        private var error: (any Error)?

        init(count: Int) { results = Array(repeating: nil, count: count) }

        /// The next task, or nil when all are handed out or one has failed.
        func claim() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard error == nil, next < results.count else { return nil }
            next += 1
            return next - 1
        }

        func store(_ result: Result, at task: Int) {
            lock.lock(); defer { lock.unlock() }
            results[task] = result
        }

        func fail(_ failure: any Error) {
            lock.lock(); defer { lock.unlock() }
            if error == nil { error = failure }
        }

        var hasFailed: Bool {
            lock.lock(); defer { lock.unlock() }
            return error != nil
        }

        var outcome: (results: [Result?], error: (any Error)?) {
            lock.lock(); defer { lock.unlock() }
            return (results, error)
        }
    }
}
