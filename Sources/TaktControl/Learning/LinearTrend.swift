/// A least-squares line through the last `capacity` points (time, value): the level and slope
/// a trend extrapolation needs. Fixed storage, no allocation per point.
public struct LinearTrend: Sendable {
    public let capacity: Int
    var times: [Double]
    var values: [Double]
    var next = 0
    /// Points held (at most `capacity`).
    public private(set) var count = 0

    public init(capacity: Int) {
        self.capacity = max(2, capacity)
        times = Array(repeating: 0, count: self.capacity)
        values = Array(repeating: 0, count: self.capacity)
    }

    public mutating func add(time: Double, value: Double) {
        times[next] = time
        values[next] = value
        next = (next + 1) % capacity
        count = min(count + 1, capacity)
    }

    public mutating func removeAll() {
        count = 0
        next = 0
    }

    /// The fitted line as (value at `time`, slope per second); nil with fewer than 3 points or
    /// all points at one time.
    public func fit(at time: Double) -> (value: Double, slope: Double)? {
        guard count >= 3 else { return nil }
        var meanT = 0.0, meanV = 0.0
        for k in 0..<count {
            meanT += times[k]
            meanV += values[k]
        }
        meanT /= Double(count)
        meanV /= Double(count)
        var sxx = 0.0, sxy = 0.0
        for k in 0..<count {
            let dt = times[k] - meanT
            sxx += dt * dt
            sxy += dt * (values[k] - meanV)
        }
        guard sxx > 0 else { return nil }
        let slope = sxy / sxx
        return (meanV + slope * (time - meanT), slope)
    }

    /// The fitted line's value at `time`, its slope and the standard error of that value (from
    /// the residual scatter: s·√(1/n + (time − t̄)²/Sxx)); nil with fewer than 4 points.
    /// - Parameter time: where the line is read (often ahead of the last point).
    public func prediction(at time: Double) -> (value: Double, slope: Double, standardError: Double)? {
        guard count >= 4, let line = fit(at: time) else { return nil }
        var meanT = 0.0
        for k in 0..<count { meanT += times[k] }
        meanT /= Double(count)
        var sxx = 0.0, residuals = 0.0
        for k in 0..<count {
            let dt = times[k] - meanT
            sxx += dt * dt
            let fitted = line.value + line.slope * (times[k] - time)
            residuals += (values[k] - fitted) * (values[k] - fitted)
        }
        let s2 = residuals / Double(count - 2)
        let d = time - meanT
        return (line.value, line.slope, (s2 * (1 / Double(count) + d * d / sxx)).squareRoot())
    }
}
