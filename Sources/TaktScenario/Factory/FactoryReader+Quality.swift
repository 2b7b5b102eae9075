import TaktFactory

extension FactoryReader {
    /// `recipe: {current: {setpoint: 120, noise: 3, range: [100, 140], unit: A, measurement_noise: 1}, …}`
    /// — process parameters in file order.
    func readRecipe(_ node: Located, path: String) -> [RecipeParameter] {
        guard let mapping = node.mapping(path) else { return [] }
        return mapping.namedEntries.compactMap { entry in
            let itemPath = "\(path).\(entry.name)"
            guard let fields = entry.value.mapping(itemPath) else { return nil }
            let setpoint = fields.required("setpoint",
                                           expected: "the value the recipe "
                                               + "asks for, e.g. 120")?.number("\(itemPath).setpoint")
            let noise = fields.optional("noise")?.number("\(itemPath).noise", in: 0 ... .greatestFiniteMagnitude) ?? 0
            var low = -Double.infinity, high = Double.infinity
            if let rangeNode = fields.optional("range") {
                let bounds = rangeNode.sequence("\(itemPath).range")?.compactMap { $0.number("\(itemPath).range") }
                    ?? []
                if bounds.count == 2 && bounds[0] < bounds[1] {
                    (low, high) = (bounds[0], bounds[1])
                } else {
                    rangeNode.error("\(itemPath).range must be [min, max] with min < max, e.g. [100, 140]")
                }
            }
            let unit = fields.optional("unit")?.string("\(itemPath).unit") ?? ""
            let measurement = fields.optional("measurement_noise")?
                .number("\(itemPath).measurement_noise", in: 0 ... .greatestFiniteMagnitude) ?? 0
            fields.finish()
            guard let setpoint else { return nil }
            if !(low...high).contains(setpoint) {
                entry.value.error("\(itemPath).setpoint \(setpoint) is outside its range [\(low), \(high)]")
            }
            return RecipeParameter(name: entry.name, setpoint: setpoint, noiseSD: noise, minimum: low, maximum: high,
                                   unit: unit, measurementSD: measurement)
        }
    }

    /// `defects: {intercept: -4, terms: [{parameter: current, coefficient: 0.01, center: 118, power: 2},
    /// {environment: temperature, coefficient: 0.1, center: 22}, {wear: true, coefficient: 0.02},
    /// {operator_skill: true, coefficient: -1, center: 1}], classes: {porosity: 0.7, crack: 0.3}}`.
    func readQualityModel(_ node: Located, recipe: [RecipeParameter], environmentNames: NameTable, path: String)
        -> QualityModel? {
        guard let fields = node.mapping(path) else { return nil }
        let intercept = fields.required("intercept",
                                        expected: "the log-odds of a defect when every term is 0, e.g. -4")?
            .number("\(path).intercept")
        let terms = fields.optional("terms")?.sequence("\(path).terms")?.enumerated().compactMap { offset, item in
            readQualityTerm(item, recipe: recipe, environmentNames: environmentNames,
                            path: "\(path).terms[\(offset + 1)]")
        } ?? []
        var shares: [(defectClass: Int, share: Double)] = [(0, 1)]
        if let classesNode = fields.optional("classes"), let classes = classesNode.mapping("\(path).classes") {
            shares = classes.namedEntries.compactMap { entry in
                guard let index = defectClasses.resolve(entry.key, what: "\(path).classes"),
                      let share = entry.value.number("\(path).classes.\(entry.name)", in: 0...1) else { return nil }
                return (index, share)
            }
            if abs(shares.reduce(0) { $0 + $1.share } - 1) > 1e-9 {
                classesNode.error("\(path).classes: the shares must add up to 1")
            }
        }
        fields.finish()
        guard let intercept else { return nil }
        return QualityModel(intercept: intercept, terms: terms, classShares: shares)
    }

    /// `{parameter: current, coefficient: 0.01, center: 126, power: 2}`; the input is one of
    /// `parameter`, `environment`, `wear: true`, `operator_skill: true`, `time: true` (days since
    /// the start) or `batch: 8 h` (a hidden material-batch effect); `times: {parameter: pressure,
    /// center: 2.4}` makes it an interaction term.
    func readQualityTerm(_ node: Located, recipe: [RecipeParameter], environmentNames: NameTable, path: String)
        -> QualityTerm? {
        guard let fields = node.mapping(path) else { return nil }
        let inputs = readQualityInputs(fields, recipe: recipe, environmentNames: environmentNames, path: path)
        let coefficient = fields.required("coefficient",
                                          expected: "the term's weight in "
                                              + "log-odds, e.g. 0.05")?.number("\(path).coefficient")
        let center = fields.optional("center")?.number("\(path).center") ?? 0
        let power = fields.optional("power")?.integer("\(path).power", in: 1...2) ?? 1
        var interaction: QualityInteraction?
        var interactionFailed = false
        if let timesNode = fields.optional("times") {
            interactionFailed = true
            if let times = timesNode.mapping("\(path).times") {
                let second = readQualityInputs(times, recipe: recipe, environmentNames: environmentNames,
                                               path: "\(path).times")
                let secondCenter = times.optional("center")?.number("\(path).times.center") ?? 0
                times.finish()
                if second.count == 1 {
                    interaction = QualityInteraction(input: second[0], center: secondCenter)
                    interactionFailed = false
                } else {
                    timesNode.error("\(path).times needs exactly one input, e.g. {parameter: pressure, center: 2.4}")
                }
            }
        }
        fields.finish()
        guard inputs.count == 1 else {
            node.error("\(path) needs exactly one input: 'parameter: <recipe parameter>', 'environment: <variable>', "
                           + "'wear: true', 'operator_skill: true', 'time: true' or 'batch: <duration>'")
            return nil
        }
        guard let coefficient, !interactionFailed else { return nil }
        return QualityTerm(input: inputs[0], coefficient: coefficient, center: center, power: power,
                           interaction: interaction)
    }

    /// The inputs named among a term's keys (one is expected; the caller says so otherwise).
    func readQualityInputs(_ fields: MappingReader, recipe: [RecipeParameter], environmentNames: NameTable,
                           path: String) -> [QualityInput] {
        var inputs: [QualityInput] = []
        if let parameter = fields.optional("parameter"), let name = parameter.string("\(path).parameter") {
            if let index = recipe.firstIndex(where: { $0.name == name }) {
                inputs.append(.parameter(index))
            } else {
                parameter.error("\(path).parameter: the recipe has no parameter '\(name)'; it has: "
                                    + "\(recipe.map(\.name).joined(separator: ", "))")
            }
        }
        if let variable = fields.optional("environment"),
           let index = environmentNames.resolve(variable, what: "\(path).environment") {
            inputs.append(.environment(index))
        }
        if fields.optional("wear")?.boolean("\(path).wear") == true { inputs.append(.wear) }
        if fields.optional("operator_skill")?.boolean("\(path).operator_skill") == true {
            inputs.append(.operatorSkill)
        }
        if fields.optional("time")?.boolean("\(path).time") == true { inputs.append(.time) }
        if let batch = fields.optional("batch"), let period = batch.duration("\(path).batch", allowZero: false) {
            inputs.append(.batch(period: period))
        }
        return inputs
    }

    /// `inspect: {method: vision, every: 1, sensitivity: 0.95, specificity: 0.9, on_reject: scrap}`, or
    /// a `confusion:` matrix over good and the defect classes instead of sensitivity/specificity.
    /// Returns the spec and, for `on_reject: {rework: <operation>}`, the node naming the target.
    func readInspection(_ node: Located, path: String) -> (spec: InspectionSpec, reworkTo: Located?)? {
        guard let fields = node.mapping(path) else { return nil }
        let method = fields.optional("method")?.choice("\(path).method", among: [
            "manual": InspectionMethod.manual, "vision": InspectionMethod.vision]) ?? .manual
        let every = fields.optional("every")?.integer("\(path).every", in: 1...1_000_000) ?? 1
        let classCount = defectClasses.names.count
        var confusion: [[Double]]?
        if let matrixNode = fields.optional("confusion") {
            confusion = readConfusion(matrixNode, path: "\(path).confusion")
        } else {
            let sensitivity = fields.required("sensitivity",
                                              expected: "the share of defective parts it rejects, e.g. 0.95 (or "
                                                  + "give 'confusion:')")?
                .number("\(path).sensitivity", in: 0...1)
            let specificity = fields.required("specificity", expected: "the share of good parts it passes, e.g. 0.98")?
                .number("\(path).specificity", in: 0...1)
            if let sensitivity, let specificity {
                confusion = InspectionSpec.binary(sensitivity: sensitivity, specificity: specificity,
                                                  defectClasses: classCount).confusion
            }
        }
        var reworkTo: Located?
        var onReject = RejectAction.scrap
        if let rejectNode = fields.optional("on_reject") {
            if rejectNode.scalarText == "scrap" {
                onReject = .scrap
            } else if rejectNode.scalarText == "recheck" {
                onReject = .recheck
            } else if case .mapping = rejectNode.node, let reject = rejectNode.mapping("\(path).on_reject") {
                reworkTo = reject.required("rework", expected: "the operation a rejected part goes back to")
                reject.finish()
                onReject = .rework(toOperation: -1)
            } else {
                rejectNode.error("\(path).on_reject must be 'scrap', 'recheck' (flagged parts go on to the next "
                                     + "operation, a human re-check) or '{rework: <operation>}'")
            }
        }
        let learningNode = fields.optional("learning")
        if let learningNode, method != .vision {
            learningNode.error("\(path).learning: only a vision inspection learns; give 'method: vision'")
        }
        let learning = learningNode.flatMap { readLearning($0, path: "\(path).learning") }
        fields.finish()
        guard let confusion else { return nil }
        return (InspectionSpec(method: method, every: every, confusion: confusion, onReject: onReject,
                               learning: learning), reworkTo)
    }

    /// `learning: {initial_error: 0.35, floor: 0.08, examples_to_half: 2000, exponent: 1, pretrained: 500,
    /// retrain_every: 1 d, audit_share: 0.02, drift: {at: 7 d, keep: 0.3}}`: how a vision inspection
    /// learns (hidden truth, see `VisionLearning`).
    func readLearning(_ node: Located, path: String) -> VisionLearning? {
        guard let fields = node.mapping(path) else { return nil }
        let initial = fields.required("initial_error", expected: "the balanced error with no examples, e.g. 0.35")?
            .number("\(path).initial_error", in: 1e-9...1)
        let floorNode = fields.optional("floor")
        let floor = floorNode?.number("\(path).floor", in: 0...1) ?? 0
        let half = fields.required("examples_to_half",
                                   expected: "the labelled examples that halve the error above the floor, e.g. 2000")?
            .number("\(path).examples_to_half", in: 1e-9...1e15)
        let exponent = fields.optional("exponent")?.number("\(path).exponent", in: 1e-6...100) ?? 1
        let pretrained = fields.optional("pretrained")?.number("\(path).pretrained", in: 0...1e15) ?? 0
        let retrain = fields.required("retrain_every", expected: "the time between retrains, e.g. 1 d")?
            .duration("\(path).retrain_every", allowZero: false)
        let audit = fields.optional("audit_share")?.number("\(path).audit_share", in: 0...1) ?? 0
        var drift: VisionLearning.Drift?
        if let driftNode = fields.optional("drift"), let driftFields = driftNode.mapping("\(path).drift") {
            let at = driftFields.required("at", expected: "the time of the change, e.g. 7 d")?
                .duration("\(path).drift.at", allowZero: true)
            let keep = driftFields.required("keep", expected: "the share of examples kept, e.g. 0.3")?
                .number("\(path).drift.keep", in: 0...1)
            driftFields.finish()
            if let at, let keep { drift = VisionLearning.Drift(at: at, keep: keep) }
        }
        fields.finish()
        guard let initial, let half, let retrain else { return nil }
        if floor > initial {
            floorNode?.error("\(path).floor \(floor) must not exceed initial_error "
                                                          + "\(initial)")
            return nil
        }
        return VisionLearning(initialError: initial, floorError: floor, examplesToHalf: half, exponent: exponent,
                              pretrained: pretrained, retrainEvery: retrain, auditShare: audit, drift: drift)
    }

    /// `{good: {good: 0.95, porosity: 0.05}, porosity: {good: 0.1, porosity: 0.9}}`: rows are true
    /// classes, columns verdicts; missing entries are 0 and each row must add up to 1.
    func readConfusion(_ node: Located, path: String) -> [[Double]]? {
        guard let rows = node.mapping(path) else { return nil }
        let names = ["good"] + defectClasses.names
        var matrix = Array(repeating: Array(repeating: 0.0, count: names.count), count: names.count)
        var seen = Array(repeating: false, count: names.count)
        for row in rows.namedEntries {
            guard let truth = names.firstIndex(of: row.name) else {
                row.key.error("\(path): unknown class '\(row.name)'; classes are \(names.joined(separator: ", "))")
                continue
            }
            seen[truth] = true
            guard let cells = row.value.mapping("\(path).\(row.name)") else { continue }
            for cell in cells.namedEntries {
                guard let verdict = names.firstIndex(of: cell.name) else {
                    cell.key.error("\(path).\(row.name): unknown class '\(cell.name)'; classes are "
                                       + "\(names.joined(separator: ", "))")
                    continue
                }
                matrix[truth][verdict] = cell.value.number("\(path).\(row.name).\(cell.name)", in: 0...1) ?? 0
            }
            if abs(matrix[truth].reduce(0, +) - 1) > 1e-9 {
                row.value.error("\(path).\(row.name): the row must add up to 1")
            }
        }
        if let missing = seen.firstIndex(of: false) {
            node.error("\(path) has no row for class '\(names[missing])'; give one row per class: "
                           + "\(names.joined(separator: ", "))")
            return nil
        }
        return matrix
    }

    /// `defect_classes: [porosity, crack]` (default: one class, "defect"). At most
    /// `InputLimits.mostDefectClasses` (an inspection keeps a confusion matrix of classes ×
    /// classes: 10,000 classes took 1.6 GB), each named once.
    static func readDefectClasses(_ node: Located?) -> [String] {
        guard let node, let items = node.sequence("defect_classes"), !items.isEmpty else { return ["defect"] }
        let limit = InputLimits.mostDefectClasses
        if items.count > limit {
            node.error("defect_classes lists \(items.count) classes; at most \(limit) are allowed "
                + "(each inspection keeps a matrix of classes × classes)")
        }
        var names: [String] = []
        var seen = Set<String>()
        for item in items.prefix(limit) {
            guard let name = item.string("defect_classes") else { continue }
            guard seen.insert(name).inserted else {
                item.error("defect class '\(name)' is listed twice in defect_classes")
                continue
            }
            names.append(name)
        }
        return names
    }

    /// `quality_costs: {scrap: 40, rework: 12, escaped_defect: 400, inspection: 0.05}` (per unit).
    func readQualityCosts(_ node: Located?) -> QualityCosts {
        guard let node, let fields = node.mapping("quality_costs") else { return QualityCosts() }
        let cost = { (key: String) in fields.optional(key)?.number("quality_costs.\(key)",
                                                                   in: 0 ... .greatestFiniteMagnitude) ?? 0 }
        let costs = QualityCosts(scrap: cost("scrap"), rework: cost("rework"), escapedDefect: cost("escaped_defect"),
                                 inspection: cost("inspection"))
        fields.finish()
        return costs
    }
}
