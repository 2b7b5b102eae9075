/// One way a schedule breaks its problem, located at the operation concerned.
public struct ScheduleViolation: Sendable, Equatable, CustomStringConvertible {
    /// What rule is broken.
    public enum Kind: Sendable, Equatable {
        /// The schedule lists an operation the problem does not have, or lists one twice.
        case unknownOrRepeatedOperation
        /// An operation of the problem is missing from the schedule.
        case missingOperation
        /// The machine is not among the operation's eligible machines.
        case ineligibleMachine
        /// `end − start` differs from the operation's time on its machine.
        case wrongDuration
        /// The operation starts before time 0.
        case negativeStart
        /// The operation starts before the previous operation of its job ends.
        case precedence
        /// The operation overlaps another one on the same machine.
        case overlap
        /// The makespan claimed differs from the last end time.
        case makespanMismatch
    }

    public var kind: Kind
    /// 0-based job and operation of the offending entry (-1 when the violation is global).
    public var job: Int
    public var operation: Int
    /// A sentence saying what is wrong, with the numbers.
    public var message: String

    public init(kind: Kind, job: Int, operation: Int, message: String) {
        self.kind = kind
        self.job = job
        self.operation = operation
        self.message = message
    }

    /// `job J operation K: message` (0-based numbers), or the bare message for a global one.
    public var description: String {
        job < 0 ? message : "job \(job) operation \(operation): \(message)"
    }
}
