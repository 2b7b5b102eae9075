/// A static job-shop problem: jobs made of operations in a fixed order, each operation done on
/// one machine chosen among its eligible ones, with a processing time that depends on the machine.
///
/// The classic job shop (OR-Library files) is the case where every operation has exactly one
/// alternative; the flexible job shop (Brandimarte's `.fjs` files) lets an operation choose.
/// Machines are numbered from 0 here whatever the file's numbering; readers convert.
///
/// Times are whole numbers in the file's units, so makespans and bounds are exact.
///
/// ```swift
/// let problem = SchedulingProblem(machineCount: 2, jobs: [
///     [.init(machine: 0, duration: 3), .init(machine: 1, duration: 2)],
///     [.init(machine: 1, duration: 4), .init(machine: 0, duration: 1)],
/// ])
/// ```
public struct SchedulingProblem: Sendable, Equatable {
    /// One way to do an operation: on `machine`, taking `duration`.
    public struct Alternative: Sendable, Equatable {
        /// 0-based machine index.
        public var machine: Int
        /// Processing time on that machine, ≥ 0.
        public var duration: Int

        public init(machine: Int, duration: Int) {
            self.machine = machine
            self.duration = duration
        }
    }

    /// One step of a job: the machines it may run on, with their times.
    public struct Operation: Sendable, Equatable {
        /// The eligible machines, each at most once; never empty.
        public var alternatives: [Alternative]

        public init(alternatives: [Alternative]) { self.alternatives = alternatives }

        /// The shortest time over the eligible machines.
        public var shortestDuration: Int { alternatives.map(\.duration).min() ?? 0 }

        /// The time on `machine`, or nil when it is not eligible.
        public func duration(on machine: Int) -> Int? {
            alternatives.first { $0.machine == machine }?.duration
        }
    }

    /// Number of machines (machines are 0..<machineCount).
    public let machineCount: Int
    /// For each job, its operations in processing order.
    public let jobs: [[Operation]]

    /// A problem with the given jobs.
    /// - Precondition: `machineCount` ≥ 1; every operation has at least one alternative, on a
    ///   machine in 0..<machineCount, each machine at most once, with a duration ≥ 0. (The file
    ///   readers check all of this with located messages first.)
    public init(machineCount: Int, jobs: [[Operation]]) {
        precondition(machineCount >= 1, "a scheduling problem needs at least one machine")
        for job in jobs {
            for operation in job {
                precondition(!operation.alternatives.isEmpty, "an operation needs at least one eligible machine")
                var seen = Set<Int>()
                for alternative in operation.alternatives {
                    precondition((0..<machineCount).contains(alternative.machine), "machine index out of range")
                    precondition(alternative.duration >= 0, "a duration must not be negative")
                    precondition(seen.insert(alternative.machine).inserted, "an operation lists a machine twice")
                }
            }
        }
        self.machineCount = machineCount
        self.jobs = jobs
    }

    /// A classic job shop: each job a list of (machine, duration) pairs, one alternative each.
    public init(machineCount: Int, classicJobs: [[(machine: Int, duration: Int)]]) {
        self.init(machineCount: machineCount, jobs: classicJobs.map { job in
            job.map { Operation(alternatives: [Alternative(machine: $0.machine, duration: $0.duration)]) }
        })
    }

    /// Number of operations over all jobs.
    public var operationCount: Int { jobs.reduce(0) { $0 + $1.count } }

    /// True when no operation has a choice of machine (a classic job shop).
    public var isClassic: Bool { jobs.allSatisfy { $0.allSatisfy { $0.alternatives.count == 1 } } }
}
