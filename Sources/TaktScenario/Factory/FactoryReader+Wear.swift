import TaktFactory
import TaktKernel

extension FactoryReader {
    /// `wear: {per_cycle: "gamma(shape: 2, scale: 0.5)", failure_at: 100, repair: 2 h, crew: fitters,
    /// repair_restores: 1, maintenance_restores: 0.8, onset: "exponential(mean: 200 h)"}` — hidden
    /// wear in the scenario's own units; with `onset`, it begins only after that operating time.
    func readWear(_ node: Located, path: String) -> WearSpec? {
        guard let wear = node.mapping(path) else { return nil }
        let perHourNode = wear.optional("per_hour")
        let incrementNode = perHourNode
            ?? wear.required("per_cycle",
                             expected: "wear added by one cycle, e.g. 'gamma(shape: 2, scale: 0.5)' (or 'per_hour')")
        if perHourNode != nil, let cycleNode = wear.optional("per_cycle") {
            cycleNode.error("\(path): give either 'per_cycle' or 'per_hour' (wear per operating hour), not both")
        }
        let increment = incrementNode?.distribution("\(path).\(perHourNode != nil ? "per_hour" : "per_cycle")",
                                                    isDuration: false)
        let hazardNode = wear.optional("hazard")
        let hazard = hazardNode.flatMap { readHazard($0, path: "\(path).hazard") }
        let thresholdNode = hazardNode != nil ? wear.optional("failure_at")
            : wear.required("failure_at",
                            expected: "the wear level at which the machine fails, e.g. 100 (or a 'hazard')")
        if let thresholdNode, hazardNode != nil {
            thresholdNode.error("\(path): give either 'failure_at' (a fixed level) or 'hazard' (a Weibull law in "
                                    + "wear), not both")
        }
        var threshold = hazardNode != nil ? Double.infinity : thresholdNode?.number("\(path).failure_at")
        if let value = threshold, let thresholdNode, value <= 0 {
            thresholdNode.error("\(path).failure_at must be a positive wear level, found \(value)")
            threshold = nil
        }
        let repair = wear.required("repair",
                                   expected: "the repair time after a wear "
                                       + "failure, e.g. '2 h'")?.distribution("\(path).repair")
        let crewNode = wear.optional("crew")
        let crew = crewNode.flatMap { crews.resolve($0, what: "\(path).crew") }
        let technician = readTechnician(wear, crewNode: crewNode, path: path)
        let recipeEffect = wear.optional("recipe_effect")
            .flatMap { readRecipeWearEffect($0, path: "\(path).recipe_effect") }
        let repairRestores = wear.optional("repair_restores")?.number("\(path).repair_restores", in: 0...1) ?? 1
        let maintenanceRestores = wear.optional("maintenance_restores")?.number("\(path).maintenance_restores",
                                                                                in: 0...1) ?? 1
        let onsetNode = wear.optional("onset")
        let onset = onsetNode?.distribution("\(path).onset")
        if let onset, let onsetNode, !onset.isNonNegative {
            onsetNode.error("\(path).onset: an operating time before degradation begins cannot be negative, "
                                + "but this law can be")
        }
        wear.finish()
        if let increment, let incrementNode, !increment.isNonNegative {
            incrementNode.error("\(path).per_cycle: wear cannot decrease, but this law can be negative")
            return nil
        }
        guard let increment, let threshold, let repair, crewNode == nil || crew != nil, hazardNode == nil
            || hazard != nil else { return nil }
        var spec = WearSpec(incrementPerCycle: increment, failureThreshold: threshold, repairTime: repair, crew: crew,
                            repairRestores: repairRestores, maintenanceRestores: maintenanceRestores)
        spec.byTechnician = technician
        spec.hazard = hazard
        spec.recipeEffect = recipeEffect
        spec.perOperatingHour = perHourNode != nil
        spec.onset = onset
        return spec
    }

    /// `recipe_effect: {parameter: current, reference: 118, per_unit: 0.02}`: each cycle's wear is
    /// scaled by max(0, 1 + per_unit · (actual current − 118)).
    func readRecipeWearEffect(_ node: Located, path: String) -> RecipeWearEffect? {
        guard let fields = node.mapping(path) else { return nil }
        let parameter = fields.required("parameter",
                                        expected: "a recipe parameter of an operation done at this station")?
            .string("\(path).parameter")
        let reference = fields.required("reference",
                                        expected: "the value at which wear is as "
                                            + "declared, e.g. 118")?.number("\(path).reference")
        let perUnit = fields.required("per_unit",
                                      expected: "the relative change of wear per unit above the reference, e.g. 0.02")?
            .number("\(path).per_unit")
        fields.finish()
        guard let parameter, let reference, let perUnit else { return nil }
        return RecipeWearEffect(parameter: parameter, reference: reference, perUnit: perUnit)
    }

    /// `hazard: {shape: 2, scale: 100}`: a Weibull failure law in wear (β > 0, η > 0).
    func readHazard(_ node: Located, path: String) -> (shape: Double, scale: Double)? {
        guard let fields = node.mapping(path) else { return nil }
        let shape = fields.required("shape", expected: "β, e.g. 2 (above 1: the hazard rises with wear)")?
            .number("\(path).shape", in: 0.01 ... 100)
        let scale = fields.required("scale", expected: "η, the characteristic wear at failure, e.g. 100")?
            .number("\(path).scale", in: 1e-9 ... .greatestFiniteMagnitude)
        fields.finish()
        guard let shape, let scale else { return nil }
        return (shape, scale)
    }

    /// `sensors: [{name: vibration, station: press, every: 10 min, offset: 2, gain: 0.05, drift: 0.01 /h,
    /// noise: 0.2, missing: 0.02}]` — readings of each machine's hidden wear.
    func readSensors(_ node: Located?, stationSpecs: [StationSpec]) -> [SensorSpec] {
        guard let node, let items = node.sequence("sensors") else { return [] }
        return items.enumerated().compactMap { offset, item in
            let path = "sensors[\(offset + 1)]"
            guard let fields = item.mapping(path) else { return nil }
            let name = fields.required("name", expected: "e.g. vibration")?.string("\(path).name")
            let stationNode = fields.required("station", expected: "the station whose machines carry it")
            let station = stationNode.flatMap { stations.resolve($0, what: "\(path).station") }
            let interval = fields.required("every", expected: "the sampling interval, e.g. '10 min'")?
                .duration("\(path).every", allowZero: false)
            let offsetValue = fields.optional("offset")?.number("\(path).offset") ?? 0
            let gain = fields.optional("gain")?.number("\(path).gain") ?? 1
            let drift = fields.optional("drift_per_hour")?.number("\(path).drift_per_hour") ?? 0
            let noise = fields.optional("noise")?.number("\(path).noise", in: 0...Double.greatestFiniteMagnitude) ?? 0
            let missing = fields.optional("missing")?.number("\(path).missing", in: 0...1) ?? 0
            fields.finish()
            if let station, let stationNode, station < stationSpecs.count, stationSpecs[station].wear == nil {
                stationNode.error("\(path).station: station '\(stationSpecs[station].name)' has no 'wear:' for the "
                                      + "sensor to measure")
                return nil
            }
            guard let name, let station, let interval else { return nil }
            return SensorSpec(name: name, station: station, interval: interval, offset: offsetValue, gain: gain,
                              driftPerHour: drift, noiseSD: noise, missingProbability: missing)
        }
    }
}
