#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A named environment variable (temperature, humidity, electricity price…) as a profile over time.
public struct EnvironmentVariable: Sendable, Equatable {
    public var name: String
    public var profile: EnvironmentProfile

    public init(name: String, profile: EnvironmentProfile) {
        self.name = name
        self.profile = profile
    }
}

/// How an environment variable moves.
public enum EnvironmentProfile: Sendable, Equatable {
    /// Always `value`.
    case constant(Double)
    /// A daily cycle: mean + amplitude · cos(2π (t − peak) / 1 d), plus Gaussian noise of the given
    /// sd, redrawn every hour (piecewise constant, a function of the run's streams and the hour
    /// only, so every variant sees the same weather).
    case daily(mean: Double, amplitude: Double, peakSecondOfDay: Double, noiseSD: Double)
    /// Daily and weekly cycles together: mean + a_d · cos(2π (t − peak_d) / 1 d) + a_w · cos(2π (t −
    /// peak_w) / 1 w), plus hourly Gaussian noise as for `daily`. Time 0 is Monday 00:00.
    case cycles(mean: Double, dailyAmplitude: Double, dailyPeak: Double, weeklyAmplitude: Double, weeklyPeak: Double,
                noiseSD: Double)
    /// A step function of time: `values[i]` from `times[i]` on (before the first time: the first value).
    case piecewise(times: [Double], values: [Double])
}

/// A declared effect of an environment variable on one mechanism at some stations.
public struct EnvironmentEffect: Sendable, Equatable {
    /// Index into `FactoryConfiguration.environment`.
    public var variable: Int
    public var target: EffectTarget
    /// Stations affected.
    public var stations: [Int]
    public var function: EffectFunction

    public init(variable: Int, target: EffectTarget, stations: [Int], function: EffectFunction) {
        self.variable = variable
        self.target = target
        self.stations = stations
        self.function = function
    }
}

/// What an effect scales.
public enum EffectTarget: String, Sendable, Equatable {
    /// Processing times (a factor above 1 slows the station down).
    case processTime = "process_time"
    /// Wear added per cycle.
    case wearRate = "wear_rate"
    /// Failure rate: times to failure are divided by the factor when drawn.
    case failureRate = "failure_rate"
    /// Defect probabilities of operations with a quality model at the station (capped at 1).
    case defectProbability = "defect_probability"
}

/// The factor an effect applies, as a function of the variable's value x (never below 0).
public enum EffectFunction: Sendable, Equatable {
    /// 1 + slope · (x − reference).
    case linear(reference: Double, slope: Double)
    /// exp(rate · (x − reference)).
    case exponential(reference: Double, rate: Double)

    public func factor(at x: Double) -> Double {
        switch self {
        case .linear(let reference, let slope): return Swift.max(0, 1 + slope * (x - reference))
        case .exponential(let reference, let rate): return exp(rate * (x - reference))
        }
    }
}
