/// An event a model tried to schedule at an impossible time: before the clock, infinite or NaN.
///
/// `EventCalendar` keeps the first one instead of trapping, so the caller can report which
/// event (and so which entity) produced the time, e.g. a processing time that overflowed.
public struct SchedulingFault<Payload> {
    /// The event that was not scheduled.
    public let payload: Payload
    /// The time it asked for.
    public let requestedTime: SimTime
    /// The clock when it asked.
    public let now: SimTime

    @inlinable init(payload: Payload, requestedTime: SimTime, now: SimTime) {
        self.payload = payload
        self.requestedTime = requestedTime
        self.now = now
    }
}

extension SchedulingFault: Sendable where Payload: Sendable {}
