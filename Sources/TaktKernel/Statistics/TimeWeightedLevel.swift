/// The time average of a piecewise-constant level: queue length, work in process, busy servers.
///
/// Call `update(to:at:)` whenever the level changes; the area under the curve accumulates
/// between changes. `reset(at:)` restarts the average at the end of a warm-up, keeping the
/// current level.
public struct TimeWeightedLevel: Sendable, Equatable {
    @usableFromInline var _level: Double
    @usableFromInline var _lastChange: SimTime
    @usableFromInline var _start: SimTime
    @usableFromInline var _area: Double = 0
    @usableFromInline var _max: Double

    /// Starts tracking at `time` with the given level.
    public init(level: Double = 0, at time: SimTime = 0) {
        _level = level
        _lastChange = time
        _start = time
        _max = level
    }

    /// The current level.
    public var level: Double { _level }
    /// The highest level seen since the last reset.
    public var max: Double { _max }
    /// The time from which the average is taken.
    public var start: SimTime { _start }

    /// Sets a new level from `time` on.
    /// - Precondition: `time` is not earlier than the previous change.
    @inlinable
    public mutating func update(to level: Double, at time: SimTime) {
        _area += _level * (time - _lastChange)
        _lastChange = time
        _level = level
        if level > _max { _max = level }
    }

    /// Adds `delta` to the level at `time`.
    @inlinable
    public mutating func add(_ delta: Double, at time: SimTime) {
        update(to: _level + delta, at: time)
    }

    /// The integral of the level from `start` to `time`.
    public func area(at time: SimTime) -> Double {
        _area + _level * (time - _lastChange)
    }

    /// The time-average level over [start, time]; the current level if no time has passed.
    public func mean(at time: SimTime) -> Double {
        let span = time - _start
        return span > 0 ? area(at: time) / span : _level
    }

    /// Restarts the average at `time`, keeping the current level.
    public mutating func reset(at time: SimTime) {
        _area = 0
        _lastChange = time
        _start = time
        _max = _level
    }
}
