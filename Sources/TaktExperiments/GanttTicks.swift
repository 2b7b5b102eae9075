/// Round tick steps for a time axis in hours: 15 and 30 min, 1, 2, 3, 4, 6, 8 and 12 h, then whole
/// days, weeks and 30-day months, so ticks fall on times a reader uses (never at 11.52 h).
public enum GanttTicks {
    /// The steps, in hours, from the finest.
    public static let steps: [Double] = [0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 24, 48, 72, 120, 168, 336, 720, 1440, 2160,
                                         4320, 8760]

    /// The finest step that puts at most `most` ticks over `span` hours (the coarsest step when
    /// none does).
    public static func step(forSpan span: Double, most: Int = 10) -> Double {
        steps.first { span / $0 <= Double(most) } ?? steps[steps.count - 1]
    }

    /// Tick positions, in hours, that are multiples of the step and lie in `from...to`.
    public static func ticks(from: Double, to: Double, most: Int = 10) -> [Double] {
        guard to > from else { return [from] }
        let step = step(forSpan: to - from, most: most)
        var tick = (from / step).rounded(.up) * step
        var ticks: [Double] = []
        while tick <= to + 1e-9 {
            ticks.append(tick)
            tick += step
        }
        return ticks
    }

    /// A tick's label: hours, without trailing zeros (`12`, `0.25`, `720`).
    public static func label(_ hours: Double) -> String {
        hours == hours.rounded() ? String(Int(hours)) : String(format: "%g", hours)
    }
}
