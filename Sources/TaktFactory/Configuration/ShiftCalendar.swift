/// When a station works: a weekly pattern of working intervals. Simulation time 0 is Monday 00:00.
/// Outside working time its machines are off shift.
public struct ShiftCalendar: Sendable, Equatable {
    /// Seconds in a week.
    public static let week: Double = 7 * 86_400

    /// Working intervals within the week, [start, end) in seconds from Monday 00:00, sorted and
    /// merged (adjacent shifts become one interval).
    public let intervals: [ClosedRange<Double>]
    /// What a machine busy at the end of working time does.
    public var atShiftEnd: ShiftEndRule
    /// Days off (day 0 = the Monday the run starts): no working time from 00:00 to 24:00. A shift
    /// running past midnight into a holiday stops at midnight.
    public var holidays: Set<Int> = []

    /// - Parameter intervals: working intervals within one week (any order, may touch).
    /// - Parameter atShiftEnd: what a machine busy at the end of working time does: finish its step
    ///   (``ShiftEndRule/finish``, the default) or stop at once and resume at the next shift
    ///   (``ShiftEndRule/interrupt``).
    public init(intervals: [(start: Double, end: Double)], atShiftEnd: ShiftEndRule = .finish) {
        let sorted = intervals.filter { $0.end > $0.start }.sorted { $0.start < $1.start }
        var merged: [ClosedRange<Double>] = []
        for interval in sorted {
            if let last = merged.last, interval.start <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, interval.end)
            } else {
                merged.append(interval.start...interval.end)
            }
        }
        self.intervals = merged
        self.atShiftEnd = atShiftEnd
    }

    /// Working hours per week.
    public var hoursPerWeek: Double { intervals.reduce(0) { $0 + $1.upperBound - $1.lowerBound } / 3600 }

    /// True if `time` is working time.
    public func isWorking(at time: Double) -> Bool {
        if !holidays.isEmpty && holidays.contains(Int((time / 86_400).rounded(.down))) { return false }
        let t = time.truncatingRemainder(dividingBy: Self.week)
        return intervals.contains { $0.lowerBound <= t && t < $0.upperBound }
    }

    /// The first time after `time` at which working status changes (nil: never, e.g. always on).
    public func nextChange(after time: Double) -> Double? {
        guard !intervals.isEmpty else { return nil }
        let alwaysOn = intervals.count == 1 && intervals[0].lowerBound <= 0 && intervals[0].upperBound >= Self.week
        if alwaysOn && holidays.isEmpty { return nil }
        let now = isWorking(at: time)
        var weekStart = (time / Self.week).rounded(.down) * Self.week
        // Holidays can hide every change of a week: look week by week, past the last holiday.
        let lastHoliday = Double((holidays.max() ?? 0) + 1) * 86_400
        while weekStart <= max(time, lastHoliday) + Self.week {
            var candidates: [Double] = []
            for interval in intervals {
                candidates.append(weekStart + interval.lowerBound)
                candidates.append(weekStart + interval.upperBound)
            }
            for day in 0..<7 {   // midnights: where holidays begin and end
                candidates.append(weekStart + Double(day) * 86_400)
            }
            candidates.append(weekStart + Self.week)
            if let change = candidates.sorted().first(where: { $0 > time && isWorking(at: $0) != now }) {
                return change
            }
            weekStart += Self.week
        }
        return nil
    }
}

/// What a busy machine does when working time ends.
public enum ShiftEndRule: String, Sendable {
    /// Finishes its step, then stops.
    case finish
    /// Stops at once; the step resumes at the next shift.
    case interrupt
}
