import Dispatch
import Foundation
import TaktKernel

/// The anytime job-shop optimiser behind `takt schedule`: tabu search over critical-path
/// insertions (`TabuWalker`), started from the best dispatching rule's non-delay schedule.
///
/// Several independent walkers run; each keeps its best selection, and the best of them (the
/// lowest walker index on ties) is reported. With an iteration budget the walker count is fixed
/// by the options and each walker's iterations by the budget, and threads only share the
/// walkers out, so the result is the same on any machine and any thread count. With a time
/// budget, one walker runs per thread until the deadline.
///
/// Every walker stops as soon as its best reaches the lower bound.
///
/// ```swift
/// let result = ScheduleOptimiser(problem).run(OptimiserOptions(budget: .iterations(100_000), seed: 7))
/// print(result.makespan, result.lowerBound.value)
/// ```
public struct ScheduleOptimiser: Sendable {
    /// Where the search stands, for a progress line.
    public struct Progress: Sendable {
        public var bestMakespan: Int
        public var lowerBound: Int
        public var seconds: Double
    }

    public let problem: SchedulingProblem
    public let lowerBound: LowerBound

    public init(_ problem: SchedulingProblem) {
        self.problem = problem
        lowerBound = LowerBound(problem)
    }

    /// Searches under `options`. `shouldStop` is polled often (every 64 iterations of each
    /// walker); `progress` is called once with the starting schedule, then from worker threads
    /// on every new overall best.
    public func run(_ options: OptimiserOptions, shouldStop: @escaping @Sendable () -> Bool = { false },
                    progress: (@Sendable (Progress) -> Void)? = nil) -> OptimiserResult {
        let clock = ContinuousClock()
        let started = clock.now
        @Sendable func elapsed() -> Double {
            let duration = clock.now - started
            return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        }
        let flat = FlatProblem(problem)
        let (rule, initial) = NonDelaySchedule.bestRule(problem)
        let start = Sequencing(flat, schedule: initial)
        let bound = lowerBound.value
        let walkerCount: Int, perWalker: [Int]
        var deadline: Double?
        switch options.budget {
        case .iterations(let total):
            walkerCount = options.walkers
            perWalker = (0..<walkerCount).map { total / walkerCount + ($0 < total % walkerCount ? 1 : 0) }
        case .seconds(let seconds):
            walkerCount = options.threads
            perWalker = Array(repeating: Int.max, count: walkerCount)
            deadline = seconds
        }
        let board = SearchBoard(walkers: walkerCount, initial: start.makespan)
        progress?(Progress(bestMakespan: start.makespan, lowerBound: bound, seconds: elapsed()))
        let streams = RandomStreams(seed: options.seed)
        let timeLimited = deadline != nil
        let stop: @Sendable () -> Bool = { [deadline] in
            if shouldStop() { board.markInterrupted(); return true }
            if let deadline, elapsed() >= deadline { return true }
            return timeLimited && board.best <= bound
        }
        let threads = min(options.threads, walkerCount)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let index = board.claim() {
                var walker = TabuWalker(flat: flat, start: start, lowerBound: bound,
                                        seed: streams.streamSeed(entity: "walker-\(index)", purpose: "tabu-search"))
                if start.makespan > bound {
                    walker.run(iterations: perWalker[index], shouldStop: stop) { makespan in
                        if board.offer(makespan, at: elapsed()), let progress {
                            progress(Progress(bestMakespan: makespan, lowerBound: bound, seconds: elapsed()))
                        }
                    }
                }
                board.finish(index, best: walker.best, iterations: walker.iterations)
            }
        }
        let (winner, best, iterations) = board.result()
        let bestSeconds = board.bestSeconds
        let schedule = best.schedule(flat)
        assert(schedule.makespan >= bound, "a makespan below the lower bound: the bound or the search is wrong")
        return OptimiserResult(schedule: schedule, makespan: schedule.makespan, lowerBound: lowerBound, startRule: rule,
                               startMakespan: initial.makespan, iterations: iterations, seconds: elapsed(),
                               bestSeconds: bestSeconds,
                               walkers: walkerCount, winningWalker: winner, interrupted: board.interrupted)
    }
}

/// The walkers' shared state: which walker runs next, the best makespan so far, the results.
private final class SearchBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    private var bestValue: Int
    private var bestTime = 0.0
    private var results: [(best: Sequencing, iterations: Int)?]
    private var stopped = false

    init(walkers: Int, initial: Int) {
        count = walkers
        bestValue = initial
        results = Array(repeating: nil, count: walkers)
    }

    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    /// Records a walker's new best, found `seconds` into the search; true when it is a new overall best.
    func offer(_ makespan: Int, at seconds: Double) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard makespan < bestValue else { return false }
        bestValue = makespan
        bestTime = seconds
        return true
    }

    /// When the best makespan so far was first found (0 if it is the starting schedule's).
    var bestSeconds: Double {
        lock.lock(); defer { lock.unlock() }
        return bestTime
    }

    var best: Int {
        lock.lock(); defer { lock.unlock() }
        return bestValue
    }

    func markInterrupted() {
        lock.lock(); defer { lock.unlock() }
        stopped = true
    }

    var interrupted: Bool {
        lock.lock(); defer { lock.unlock() }
        return stopped
    }

    func finish(_ index: Int, best: Sequencing, iterations: Int) {
        lock.lock(); defer { lock.unlock() }
        results[index] = (best, iterations)
    }

    /// The lowest-index walker among those with the smallest makespan, and the total iterations.
    func result() -> (walker: Int, best: Sequencing, iterations: Int) {
        lock.lock(); defer { lock.unlock() }
        var winner = 0
        for k in results.indices where results[k]!.best.makespan < results[winner]!.best.makespan { winner = k }
        return (winner, results[winner]!.best, results.reduce(0) { $0 + $1!.iterations })
    }
}
