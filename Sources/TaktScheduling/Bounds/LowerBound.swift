/// A lower bound on the makespan of every feasible schedule, with the part that gives it.
///
/// The bound is the largest of:
/// - **job bound**: a job's operations at their shortest times, end to end;
/// - **machine bound**: a machine's load (classic), or the total shortest work spread evenly
///   over all machines, rounded up (flexible);
/// - **one-machine bound**: for each machine, Jackson's preemptive schedule of the operations
///   that must run on it, each released at its head (the shortest work before it in its job)
///   and followed by its tail (the shortest work after it): the preemptive one-machine problem
///   with heads and tails is solved exactly by always running the released operation with the
///   longest tail (Jackson 1956; Carlier 1982), and its value bounds the whole problem.
///
/// In a flexible problem, only operations with a single eligible machine enter that machine's
/// one-machine bound, since the others may go elsewhere.
public struct LowerBound: Sendable, Equatable {
    /// Which argument gives the value.
    public enum Source: String, Sendable {
        case job, machine, oneMachine = "one-machine"
    }

    /// The bound itself.
    public var value: Int
    /// The argument that gives it (the first in the order job, machine, one-machine on ties).
    public var source: Source

    /// The bound of `problem`.
    /// - Complexity: O(N log N) for N operations.
    public init(_ problem: SchedulingProblem) {
        var best = (value: 0, source: Source.job)
        func offer(_ value: Int, _ source: Source) { if value > best.value { best = (value, source) } }
        var total = 0
        for job in problem.jobs {
            let length = job.reduce(0) { $0 + $1.shortestDuration }
            total += length
            offer(length, .job)
        }
        var fixed: [[(head: Int, duration: Int, tail: Int)]] = Array(repeating: [], count: problem.machineCount)
        for job in problem.jobs {
            let length = job.reduce(0) { $0 + $1.shortestDuration }
            var head = 0
            for operation in job {
                let shortest = operation.shortestDuration
                if operation.alternatives.count == 1 {
                    fixed[operation.alternatives[0].machine].append((head, shortest, length - head - shortest))
                }
                head += shortest
            }
        }
        if problem.isClassic {
            for operations in fixed { offer(operations.reduce(0) { $0 + $1.duration }, .machine) }
        } else {
            offer((total + problem.machineCount - 1) / problem.machineCount, .machine)
        }
        for operations in fixed where !operations.isEmpty {
            offer(Self.jacksonPreemptive(operations), .oneMachine)
        }
        value = best.value
        source = best.source
    }

    /// max over operations of (completion + tail) in Jackson's preemptive schedule: at every
    /// moment the released operation with the longest tail runs, preempting others.
    /// - Complexity: O(n log n).
    static func jacksonPreemptive(_ operations: [(head: Int, duration: Int, tail: Int)]) -> Int {
        let byHead = operations.sorted { $0.head < $1.head }
        var ready = BinaryHeap<(tail: Int, remaining: Int)> { $0.tail > $1.tail }
        var time = 0, next = 0, bound = 0
        while next < byHead.count || !ready.isEmpty {
            if ready.isEmpty { time = max(time, byHead[next].head) }
            while next < byHead.count && byHead[next].head <= time {
                ready.push((byHead[next].tail, byHead[next].duration))
                next += 1
            }
            var running = ready.pop()!
            let nextRelease = next < byHead.count ? byHead[next].head : Int.max
            let finish = time + running.remaining
            if finish <= nextRelease {
                time = finish
                bound = max(bound, time + running.tail)
            } else {
                running.remaining -= nextRelease - time
                time = nextRelease
                ready.push(running)
            }
        }
        return bound
    }
}
