/// What makes the rescheduling controller plan again (`triggers:` in a scenario). The new plan is
/// made at the next offer after the trigger (the model offers stations after every other event of
/// the instant, so simultaneous triggers share one replan).
public enum ReschedulingTrigger: String, Sendable, CaseIterable, Hashable {
    /// A job the current plan does not know joined a queue (a new order).
    case arrival
    /// A machine failed.
    case breakdown
    /// A machine came back from repair.
    case repair
    /// `interval` seconds have passed since the last plan.
    case interval
    /// An operation finished more than `deviation` seconds off its planned end.
    case deviation

    /// The names a scenario writes.
    public static var names: [String] { allCases.map(\.rawValue) }
}
