import TaktKernel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Evaluates environment variables and the factors their effects apply, at any time.
///
/// A daily profile's noise for hour h is drawn from a seed mixed from the variable's stream seed
/// and h alone, so a value depends only on (run seed, variable, time): the same in every variant
/// and whatever order the model asks in.
struct EnvironmentState {
    let variables: [EnvironmentVariable]
    let noiseSeeds: [UInt64]
    /// Effects by (target, station): indices into `effects`.
    let effects: [EnvironmentEffect]
    let byTarget: [EffectTarget: [[Int]]]

    init(_ configuration: FactoryConfiguration, streams: RandomStreams) {
        variables = configuration.environment
        noiseSeeds = configuration.environment.map { streams.streamSeed(entity: "environment/\($0.name)",
                                                                        purpose: "noise") }
        effects = configuration.effects
        var table: [EffectTarget: [[Int]]] = [:]
        for target in [EffectTarget.processTime, .wearRate, .failureRate, .defectProbability] {
            var perStation = Array(repeating: [Int](), count: configuration.stations.count)
            for (index, effect) in configuration.effects.enumerated() where effect.target == target {
                for station in effect.stations where perStation.indices.contains(station) {
                    perStation[station].append(index)
                }
            }
            table[target] = perStation
        }
        byTarget = table
    }

    /// True if any effect applies to `target` at `station`.
    func affects(_ target: EffectTarget, station: Int) -> Bool {
        !(byTarget[target]?[station].isEmpty ?? true)
    }

    /// The product of the factors of every effect on `target` at `station`, at `time`.
    func factor(_ target: EffectTarget, station: Int, at time: Double) -> Double {
        guard let indices = byTarget[target]?[station], !indices.isEmpty else { return 1 }
        var product = 1.0
        for index in indices {
            let effect = effects[index]
            product *= effect.function.factor(at: value(effect.variable, at: time))
        }
        return product
    }

    /// The value of variable `index` at `time`.
    func value(_ index: Int, at time: Double) -> Double {
        switch variables[index].profile {
        case .constant(let value):
            return value
        case .daily(let mean, let amplitude, let peak, let sd):
            let phase = 2 * Double.pi * (time - peak) / 86_400
            var value = mean + amplitude * cos(phase)
            if sd > 0 {
                var rng = Xoshiro256StarStar(seed: SplitMix64.mix(noiseSeeds[index]
                                                                  ^ UInt64(max(0, (time / 3600).rounded(.down)))))
                value += Distribution.normal(mean: 0, sd: sd).sample(&rng)
            }
            return value
        case .cycles(let mean, let dailyAmplitude, let dailyPeak, let weeklyAmplitude, let weeklyPeak, let sd):
            var value = mean + dailyAmplitude * cos(2 * Double.pi * (time - dailyPeak) / 86_400)
                + weeklyAmplitude * cos(2 * Double.pi * (time - weeklyPeak) / (7 * 86_400))
            if sd > 0 {
                var rng = Xoshiro256StarStar(seed: SplitMix64.mix(noiseSeeds[index]
                                                                  ^ UInt64(max(0, (time / 3600).rounded(.down)))))
                value += Distribution.normal(mean: 0, sd: sd).sample(&rng)
            }
            return value
        case .piecewise(let times, let values):
            var current = values.first ?? 0
            for (start, value) in zip(times, values) where start <= time { current = value }
            return current
        }
    }
}
