import TaktKernel

/// Hidden degradation of each machine of a station: wear grows with every processing cycle and
/// the machine fails when it crosses a threshold. The wear itself is never observable — only
/// sensors (`SensorSpec`) report noisy functions of it.
public struct WearSpec: Sendable {
    /// Wear added by one processing cycle (e.g. gamma: a gamma process sampled per cycle) — or,
    /// with `perOperatingHour`, by one hour of processing.
    public var incrementPerCycle: Distribution
    /// The increment law is per operating hour: a step of h hours adds Gamma(shape·h, scale) for a
    /// gamma law (an exact gamma process in operating time), or h × a draw for other laws.
    public var perOperatingHour = false
    /// The machine fails at the end of the cycle that takes its wear to this level or beyond
    /// (unused with a `hazard`).
    public var failureThreshold: Double
    /// Instead of a fixed threshold, a failure hazard rising with wear: h(w) = (β/η)(w/η)^(β−1)
    /// per unit of wear, a Weibull law in wear (shape β, scale η). Equivalently the machine
    /// fails when its wear crosses a random level drawn from that law (conditional on the wear
    /// left after each repair or maintenance).
    public var hazard: (shape: Double, scale: Double)?
    /// Share of the wear a repair removes (1: as good as new).
    public var repairRestores: Double
    /// Share of the wear a planned maintenance removes.
    public var maintenanceRestores: Double
    /// Repair after a wear failure, and the crew it needs (nil: repair starts at once).
    public var repairTime: Distribution
    public var crew: Int?
    /// The repair waits for a worker with the `repair` skill instead of a crew.
    public var byTechnician: Bool = false
    /// The recipe drives wear: each cycle's increment is scaled by max(0, 1 + perUnit · (x −
    /// reference)), x the actual value of the named recipe parameter in that cycle (operations at
    /// the station without that parameter leave the increment as it is).
    public var recipeEffect: RecipeWearEffect?
    /// A warning period (P–F interval): wear stays at zero until the machine has run this long
    /// (operating seconds, drawn afresh at every renewal that removes all wear) — the
    /// potential-failure point — and then grows until the functional failure. Nil: wear grows
    /// from the first cycle.
    public var onset: Distribution?

    public init(incrementPerCycle: Distribution, failureThreshold: Double, repairTime: Distribution, crew: Int? = nil,
                repairRestores: Double = 1, maintenanceRestores: Double = 1) {
        self.repairTime = repairTime
        self.crew = crew
        self.incrementPerCycle = incrementPerCycle
        self.failureThreshold = failureThreshold
        self.repairRestores = repairRestores
        self.maintenanceRestores = maintenanceRestores
    }
}

/// How a recipe parameter scales wear (e.g. a higher weld current wears electrodes faster).
public struct RecipeWearEffect: Sendable, Equatable {
    /// The recipe parameter's name.
    public var parameter: String
    public var reference: Double
    /// Relative change of the wear increment per unit of the parameter above `reference`.
    public var perUnit: Double

    public init(parameter: String, reference: Double, perUnit: Double) {
        self.parameter = parameter
        self.reference = reference
        self.perUnit = perUnit
    }
}

/// A sensor on every machine of a station: every `interval` it reports
/// `offset + gain · wear + drift · t + noise`, or nothing (a missing reading).
public struct SensorSpec: Sendable {
    /// Name, e.g. "vibration".
    public var name: String
    /// Station whose machines carry it.
    public var station: Int
    /// Sampling interval (seconds).
    public var interval: Double
    public var offset: Double
    public var gain: Double
    /// Drift per hour of simulated time.
    public var driftPerHour: Double
    /// Standard deviation of the Gaussian measurement noise.
    public var noiseSD: Double
    /// Probability that a reading is missing.
    public var missingProbability: Double

    public init(name: String, station: Int, interval: Double, offset: Double = 0, gain: Double = 1,
                driftPerHour: Double = 0,
                noiseSD: Double = 0, missingProbability: Double = 0) {
        self.name = name
        self.station = station
        self.interval = interval
        self.offset = offset
        self.gain = gain
        self.driftPerHour = driftPerHour
        self.noiseSD = noiseSD
        self.missingProbability = missingProbability
    }
}
