/// A shop at one instant, as a rescheduling problem: the jobs still to finish with their
/// remaining operations, when each job and each machine is next ready, due dates and weights —
/// a job shop with release times and machine availability, in whole time units counted from
/// the snapshot's moment.
///
/// Built by a rescheduling controller from what a shop-floor system knows (queues, routings with
/// standard times, machines in process or down with an expected repair time), never from the
/// durations the simulator will draw.
public struct ShopSnapshot: Sendable, Equatable {
    /// One job still to finish.
    public struct Job: Sendable, Equatable {
        /// Its remaining operations in order (the first may already be waiting in a queue).
        public var operations: [SchedulingProblem.Operation]
        /// Earliest start of its first remaining operation (≥ 0: now, or when the machine holding
        /// it is expected to finish).
        public var ready: Int
        /// Due date (nil: none; may be negative when it is already late).
        public var due: Int?
        /// Weight of its tardiness (weighted tardiness), > 0.
        public var weight: Double
        /// The machine its first operation must run on, first among the machine's work, when that
        /// operation is frozen (it starts within the frozen horizon of the previous plan).
        public var pinnedMachine: Int?

        /// A job with the given remaining operations.
        /// - Parameters:
        ///   - operations: Its remaining operations in processing order.
        ///   - ready: Earliest start of the first of them.
        ///   - due: Due date, or nil.
        ///   - weight: Weight of its tardiness.
        ///   - pinnedMachine: Machine its first operation is frozen on, or nil.
        public init(operations: [SchedulingProblem.Operation], ready: Int = 0, due: Int? = nil, weight: Double = 1,
                    pinnedMachine: Int? = nil) {
            self.operations = operations
            self.ready = ready
            self.due = due
            self.weight = weight
            self.pinnedMachine = pinnedMachine
        }
    }

    /// Number of machines (0..<machineCount).
    public let machineCount: Int
    /// When each machine can next start work (≥ 0).
    public let machineReady: [Int]
    /// The jobs.
    public let jobs: [Job]
    /// The frozen operations (jobs whose first operation is pinned), in the order they run on
    /// their machines.
    public let frozen: [Int]

    /// A snapshot.
    /// - Parameters:
    ///   - machineCount: Number of machines, ≥ 1.
    ///   - machineReady: When each machine is next free (one entry per machine, ≥ 0).
    ///   - jobs: The jobs; every operation has at least one alternative on a machine in range.
    ///   - frozen: Jobs whose first operation is pinned, in running order; each names a job
    ///     with a `pinnedMachine` that is among that operation's alternatives.
    public init(machineCount: Int, machineReady: [Int], jobs: [Job], frozen: [Int] = []) {
        precondition(machineCount >= 1 && machineReady.count == machineCount, "one ready time per machine")
        precondition(machineReady.allSatisfy { $0 >= 0 }, "ready times are counted from the snapshot")
        for job in jobs {
            precondition(job.ready >= 0 && job.weight > 0, "a job's ready time must be ≥ 0 and its weight > 0")
            for operation in job.operations {
                precondition(!operation.alternatives.isEmpty, "an operation needs at least one eligible machine")
                for alternative in operation.alternatives {
                    precondition((0..<machineCount).contains(alternative.machine) && alternative.duration >= 0,
                                 "an alternative names a machine out of range or a negative duration")
                }
            }
        }
        for index in frozen {
            let job = jobs[index]
            precondition(!job.operations.isEmpty, "a frozen job has an operation to run")
            precondition(job.pinnedMachine.map { job.operations[0].duration(on: $0) != nil } == true,
                         "a frozen job's machine must be eligible for its first operation")
        }
        self.machineCount = machineCount
        self.machineReady = machineReady
        self.jobs = jobs
        self.frozen = frozen
    }

    /// Number of operations over all jobs.
    public var operationCount: Int { jobs.reduce(0) { $0 + $1.operations.count } }
}
