import Foundation
import TaktControl
import TaktFactory

extension FactoryReader {
    /// `controllers: {maintenance: {...}, quality: {...}}` (active), `shadow: {...}` (decisions
    /// logged, not applied) and `deploy: {at: 30 d, transition: 2 d, maintenance: {...}}` (these
    /// run in shadow until `at`, then take over).
    func readControllers(_ configuration: FactoryConfiguration, run: RunSettings) -> ControllerPlan {
        var plan = ControllerPlan()
        if let node = top.optional("controllers"), let fields = node.mapping("controllers") {
            plan.maintenance = fields.optional("maintenance")
                .flatMap { readMaintenancePolicy($0, configuration, path: "controllers.maintenance") }
            plan.quality = fields.optional("quality")
                .flatMap { readQualityPolicy($0, configuration, path: "controllers.quality") }
            plan.scheduling = fields.optional("scheduling")
                .flatMap { readSchedulingPolicy($0, path: "controllers.scheduling") }
            fields.finish()
        }
        let shadowNode = top.optional("shadow"), deployNode = top.optional("deploy")
        if let shadowNode, let deployNode {
            let later = shadowNode.line > deployNode.line ? shadowNode : deployNode
            later.error("give either 'shadow:' (controllers that only watch) or 'deploy:' (controllers that watch, "
                            + "then take over), not both")
        }
        if let node = shadowNode ?? deployNode, let fields = node.mapping(shadowNode != nil ? "shadow" : "deploy") {
            let path = shadowNode != nil ? "shadow" : "deploy"
            plan.shadowMaintenance = fields.optional("maintenance")
                .flatMap { readMaintenancePolicy($0, configuration, path: "\(path).maintenance") }
            plan.shadowQuality = fields.optional("quality")
                .flatMap { readQualityPolicy($0, configuration, path: "\(path).quality") }
            plan.shadowScheduling = fields.optional("scheduling")
                .flatMap { readSchedulingPolicy($0, path: "\(path).scheduling") }
            if shadowNode == nil {
                let atNode = fields.required("at", expected: "when the controllers take over, e.g. '30 d'")
                let at = atNode?.duration("deploy.at", allowZero: false)
                let transition = fields.optional("transition")?.duration("deploy.transition") ?? 0
                if let at, let atNode {
                    if at <= run.warmUp {
                        atNode.error("deploy.at (\(at / 86_400) d) must come after the warm-up "
                                         + "(\(run.warmUp / 86_400) d)")
                    } else if at + transition >= run.endTime {
                        atNode.error("deploy.at + transition must end before the run does")
                    } else {
                        plan.deployment = Deployment(at: at, transition: transition)
                    }
                }
            }
            fields.finish()
        }
        return plan
    }

    /// `{policy: run_to_failure | preventive | condition | predictive, …}`.
    func readMaintenancePolicy(_ node: Located, _ configuration: FactoryConfiguration, path: String)
        -> MaintenancePolicy? {
        guard let fields = node.mapping(path) else { return nil }
        let policy = fields.required("policy",
                                     expected: "run_to_failure, preventive, condition, predictive or prognostic")?
            .choice("\(path).policy", among: ["run_to_failure": "run_to_failure", "preventive": "preventive",
                                              "condition": "condition", "predictive": "predictive",
                                              "prognostic": "prognostic"])
        let duration = fields.optional("duration")?.duration("\(path).duration", allowZero: false) ?? 3600
        let givenStations = fields.optional("stations")?.sequence("\(path).stations")?.compactMap {
            stations.resolve($0, what: "\(path).stations")
        }
        // by default an age policy looks after the stations the file says fail or wear
        let failing = configuration.stations.indices.filter {
            configuration.stations[$0].breakdowns != nil || configuration.stations[$0].wear != nil
        }
        let stationIndices = givenStations ?? []
        var result: MaintenancePolicy?
        switch policy {
        case "run_to_failure"?:
            result = .runToFailure
        case "preventive"?:
            let basis = fields.optional("basis")?.choice("\(path).basis", among: [
                "calendar": AgeReplacement.Basis.calendar, "operating": AgeReplacement.Basis.operating]) ?? .calendar
            let everyNode = fields.required("every", expected: "the age at which a machine is maintained, e.g. "
                                                + "'200 h', or 'learned'")
            if let everyNode, everyNode.scalarText == "learned" {
                let failures = fields.optional("min_failures")?.integer("\(path).min_failures", in: 2...1_000) ?? 5
                result = .learnedPreventive(duration: duration, stations: givenStations ?? failing, basis: basis,
                                            minimumFailures: failures)
            } else if let every = everyNode?.duration("\(path).every", allowZero: false) {
                result = .preventive(interval: every, duration: duration, stations: givenStations ?? failing,
                                     basis: basis)
            }
        case "condition"?:
            let sensor = readSensorName(fields, configuration, path: path)
            let threshold = fields.required("threshold",
                                            expected: "the reading at which to "
                                                + "maintain, e.g. 4.5")?.number("\(path).threshold")
            if let sensor, let threshold {
                result = .condition(sensor: sensor, threshold: threshold, duration: duration)
            }
        case "predictive"?:
            let sensor = readSensorName(fields, configuration, path: path)
            let horizon = fields.optional("horizon")?.duration("\(path).horizon", allowZero: false) ?? 12 * 3600
            let window = fields.optional("window")?.integer("\(path).window", in: 3...10_000) ?? 24
            let failures = fields.optional("min_failures")?.integer("\(path).min_failures", in: 2...1_000) ?? 3
            let margin = fields.optional("margin")?.number("\(path).margin", in: 0...10) ?? 1
            let known = fields.optional("warm_start").flatMap { readFailureLevels($0, path: "\(path).warm_start") }
                ?? []
            if let sensor {
                result = .predictive(sensor: sensor, horizon: horizon, duration: duration, stations: stationIndices,
                                     window: window,
                                     minimumFailures: failures, margin: margin, knownFailureLevels: known)
            }
        case "prognostic"?:
            if let sensor = readSensorName(fields, configuration, path: path) {
                var settings = PrognosticSettings(sensor: sensor, duration: duration)
                settings.stations = stationIndices
                settings.baselineHours = (fields.optional("baseline")?.duration("\(path).baseline", allowZero: false)
                                          ?? 24 * 3600) / 3600
                settings.smoothing = fields.optional("smoothing")?.number("\(path).smoothing", in: 0.01...1) ?? 0.2
                settings.limit = fields.optional("limit")?.number("\(path).limit", in: 0.5...20) ?? 3
                settings.window = fields.optional("window")?.integer("\(path).window", in: 4...10_000) ?? 24
                settings.minimumFailures = fields.optional("min_failures")?.integer("\(path).min_failures",
                                                                                    in: 2...1_000) ?? 3
                settings.knownFailureLevels = fields.optional("warm_start")
                    .flatMap { readFailureLevels($0, path: "\(path).warm_start") } ?? []
                result = .prognostic(settings)
            }
        default: break
        }
        fields.finish()
        return result
    }

    /// `warm_start: models/fleet.json`: failure levels a predictive controller learned in an earlier
    /// run (`takt run --save-models`), relative to the scenario file's folder.
    func readFailureLevels(_ node: Located, path: String) -> [Double]? {
        guard let name = node.string(path) else { return nil }
        let file = name.hasPrefix("/") ? name
            : (((scenarioFile as NSString).deletingLastPathComponent) as NSString).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: file) else {
            node.error("\(path): '\(name)' does not exist (the path is relative to the scenario file's folder; write "
                           + "one with takt run --save-models)")
            return nil
        }
        let json = try? JSONSerialization.jsonObject(with: data)
        let models = json as? [String: Any]
        let model = (models?["predictive"] ?? models?["shadow.predictive"] ?? models?["prognostic"]
                     ?? models?["shadow.prognostic"]) as? [String: Any] ?? models
        let numbers = (model?["failure_levels"] as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue
                                                                         ?? ($0 as? Double) }
        guard let levels = numbers, !levels.isEmpty, levels.count == (model?["failure_levels"] as? [Any])?.count else {
            node.error("\(path): '\(name)' holds no failure levels; expected {\"predictive\": {\"failure_levels\": "
                           + "[...]}} as written by takt run --save-models")
            return nil
        }
        return levels
    }

    /// `sensor: vibration` — a sensor name from `sensors:`.
    func readSensorName(_ fields: MappingReader, _ configuration: FactoryConfiguration, path: String) -> Int? {
        guard let node = fields.required("sensor", expected: "the sensor it watches, e.g. vibration"),
              let name = node.string("\(path).sensor") else { return nil }
        if let index = configuration.sensors.firstIndex(where: { $0.name == name }) { return index }
        let names = Array(Set(configuration.sensors.map(\.name))).sorted()
        node.error("\(path).sensor: no sensor named '\(name)'; "
                       + (names.isEmpty ? "the scenario has no 'sensors:'"
                              : "sensors: \(Suggestion.listing(names, near: name))"))
        return nil
    }

    /// `{policy: fixed}` or `{policy: optimise, operation: weld, inspection: image, update_every: 200,
    /// warm_up: 1000, exploration: 0.1, step: 0.05, inspection_belief: {sensitivity: 0.9, specificity: 0.97}}`.
    func readQualityPolicy(_ node: Located, _ configuration: FactoryConfiguration, path: String) -> QualityPolicy? {
        guard let fields = node.mapping(path) else { return nil }
        let policy = fields.required("policy", expected: "fixed or optimise")?
            .choice("\(path).policy", among: ["fixed": "fixed", "optimise": "optimise"])
        var result: QualityPolicy? = policy == "fixed" ? .fixed : nil
        if policy == "optimise" {
            let operation = fields.required("operation", expected: "the operation whose recipe it tunes, e.g. weld")
                .flatMap { readRoute($0, configuration, path: "\(path).operation",
                                     needs: "recipe") { !$0.recipe.isEmpty } }
            let inspection = fields.required("inspection",
                                             expected: "the inspection whose verdicts it learns from, e.g. image")
                .flatMap { readRoute($0, configuration, path: "\(path).inspection",
                                     needs: "inspection") { $0.inspection != nil } }
            var settings = ProcessOptimiser.Settings()
            if let every = fields.optional("update_every")?.integer("\(path).update_every", in: 1...1_000_000) {
                settings.updateEvery = every
            }
            if let warmUp = fields.optional("warm_up")?.integer("\(path).warm_up", in: 0...10_000_000) {
                settings.warmUp = warmUp
            }
            if let exploration = fields.optional("exploration")?.number("\(path).exploration", in: 0...0.5) {
                settings.exploration = exploration
            }
            if let step = fields.optional("step")?.number("\(path).step", in: 0...1) { settings.stepLimit = step }
            if let memory = fields.optional("memory")?.integer("\(path).memory", in: 0...100_000_000) {
                settings.memory = memory
            }
            if let removed = fields.optional("use_inspection_accuracy") {
                removed.error("\(path).use_inspection_accuracy was removed: it handed the optimiser the inspection's "
                                  + "true confusion matrix; state what you believe of it instead, e.g. "
                                  + "inspection_belief: {sensitivity: 0.9, specificity: 0.97}")
            }
            if let belief = fields.optional("inspection_belief") {
                readInspectionBelief(belief, into: &settings, path: "\(path).inspection_belief")
            }
            if let operation, let inspection {
                result = .optimise(operation: operation, inspection: inspection, settings: settings)
            }
        }
        fields.finish()
        return result
    }

    /// `inspection_belief: {sensitivity: 0.9, specificity: 0.97}`: what the planner believes of
    /// the inspection (a vendor's datasheet, a past gauge study) — never read from its true
    /// confusion matrix. Specificity 1 − (false-reject rate), sensitivity the detection rate.
    func readInspectionBelief(_ node: Located, into settings: inout ProcessOptimiser.Settings, path: String) {
        guard let fields = node.mapping(path) else { return }
        let sensitivity = fields.required("sensitivity", expected: "the share of defective parts you believe "
                                              + "it rejects, e.g. 0.9")?.number("\(path).sensitivity", in: 0...1)
        let specificity = fields.required("specificity", expected: "the share of good parts you believe it "
                                              + "passes, e.g. 0.97")?.number("\(path).specificity", in: 0...1)
        fields.finish()
        guard let sensitivity, let specificity else { return }
        guard sensitivity > 1 - specificity else {
            node.error("\(path): sensitivity \(sensitivity) must exceed 1 − specificity (the false-reject "
                           + "rate); otherwise a rejection says nothing about a defect")
            return
        }
        settings.falseRejectRate = 1 - specificity
        settings.detectionRate = sensitivity
    }

    /// The route index (flat over products) of the operation named `weld` (the first with that
    /// name) or `cell/weld`, which must satisfy `condition`.
    func readRoute(_ node: Located, _ configuration: FactoryConfiguration, path: String, needs: String,
                   _ condition: (OperationSpec) -> Bool) -> Int? {
        guard let name = node.string(path) else { return nil }
        let operations = configuration.products.flatMap { product in product.routing.map { (product.name, $0) } }
        let suitable = operations.filter { condition($0.1) }.map { "\($0.0)/\($0.1.name)" }
        let others = suitable.isEmpty ? "no operation has one"
            : "operations with a \(needs): \(suitable.joined(separator: ", "))"
        guard let index = operations.firstIndex(where: { $0.1.name == name || "\($0.0)/\($0.1.name)" == name }) else {
            node.error("\(path): no operation named '\(name)'; \(others)")
            return nil
        }
        guard condition(operations[index].1) else {
            node.error("\(path): operation '\(name)' has no \(needs); \(others)")
            return nil
        }
        return index
    }

    /// `maintenance_costs: {preventive: 300, corrective: 1500, downtime_per_hour: 200}`.
    func readMaintenanceCosts(_ node: Located?) -> MaintenanceCosts {
        guard let node, let fields = node.mapping("maintenance_costs") else { return MaintenanceCosts() }
        let cost = { (key: String) in fields.optional(key)?.number("maintenance_costs.\(key)",
                                                                   in: 0 ... .greatestFiniteMagnitude) ?? 0 }
        let costs = MaintenanceCosts(preventive: cost("preventive"), corrective: cost("corrective"),
                                     downtimePerHour: cost("downtime_per_hour"))
        fields.finish()
        return costs
    }
}
