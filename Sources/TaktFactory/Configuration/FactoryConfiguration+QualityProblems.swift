extension FactoryConfiguration {
    /// Problems of recipes, quality models and inspections.
    func qualityProblems() -> [String] {
        var problems: [String] = []
        let classes = defectClasses.count
        if classes < 1 { problems.append("at least one defect class is needed") }
        for product in products {
            for (index, operation) in product.routing.enumerated() {
                // swift-format-ignore: AlwaysUseLowerCamelCase
                // `where` is a keyword; `where_` reads as the place every problem below names.
                let where_ = "product \(product.name), operation \(operation.name)"
                for parameter in operation.recipe
                    where !(parameter.minimum...parameter.maximum).contains(parameter.setpoint) {
                    problems.append("\(where_): setpoint of \(parameter.name) outside its range")
                }
                for parameter in operation.recipe where !(parameter.measurementSD >= 0) {
                    problems.append("\(where_): measurement error of \(parameter.name) must not be negative")
                }
                if let model = operation.quality {
                    for term in model.terms {
                        for input in [term.input] + (term.interaction.map { [$0.input] } ?? []) {
                            switch input {
                            case .parameter(let k) where !operation.recipe.indices.contains(k):
                                problems.append("\(where_): quality term reads an unknown recipe parameter \(k)")
                            case .environment(let v) where !environment.indices.contains(v):
                                problems.append("\(where_): quality term reads an unknown environment variable \(v)")
                            case .batch(let period) where !(period > 0) || !period.isFinite:
                                problems.append("\(where_): a material batch must last a positive, finite time")
                            default: break
                            }
                        }
                        if term.power != 1 && term.power != 2 {
                            problems.append("\(where_): quality term power must be 1 or 2")
                        }
                    }
                    if model.classShares.contains(where: { !(0..<classes).contains($0.defectClass) })
                        || abs(model.classShares.reduce(0) { $0 + $1.share } - 1) > 1e-9 {
                        problems.append("\(where_): defect class shares must name known classes and add up to 1")
                    }
                }
                if let inspection = operation.inspection {
                    if inspection.every < 1 {
                        problems.append("\(where_): inspection sampling must be 1 in N with N ≥ 1")
                    }
                    if inspection.confusion.count != classes + 1
                        || inspection.confusion.contains(where: { $0.count != classes + 1
                            || abs($0.reduce(0, +) - 1) > 1e-9 || $0.contains { $0 < 0 } }) {
                        problems.append("\(where_): confusion matrix must be \(classes + 1)×\(classes + 1) with rows "
                                        + "adding up to 1")
                    }
                    if inspection.onReject == .recheck && (index + 1 >= product.routing.count
                                                           || product.routing[index + 1].inspection == nil) {
                        problems.append("\(where_): a re-check needs the next operation to be an inspection")
                    }
                    if case .rework(let target) = inspection.onReject, !(0...index).contains(target) {
                        problems.append("\(where_): rejected parts must go back to this or an earlier operation")
                    }
                    if let learning = inspection.learning {
                        problems += learningProblems(learning, inspection: inspection, where: where_)
                    }
                }
            }
        }
        return problems
    }

    /// Problems of a vision inspection's learning law.
    private func learningProblems(_ learning: VisionLearning, inspection: InspectionSpec,
                                  where place: String) -> [String] {
        var problems: [String] = []
        if inspection.method != .vision { problems.append("\(place): only a vision inspection learns") }
        if !(learning.initialError > 0 && learning.initialError <= 1) {
            problems.append("\(place): the initial error must be in (0, 1]")
        }
        if !(learning.floorError >= 0 && learning.floorError <= learning.initialError) {
            problems.append("\(place): the error floor must be between 0 and the initial error")
        }
        if !(learning.examplesToHalf > 0 && learning.examplesToHalf.isFinite) {
            problems.append("\(place): examples to half must be positive")
        }
        if !(learning.exponent > 0 && learning.exponent.isFinite) {
            problems.append("\(place): the learning exponent must be positive")
        }
        if !(learning.pretrained >= 0 && learning.pretrained.isFinite) {
            problems.append("\(place): pretrained examples must not be negative")
        }
        if !(learning.retrainEvery > 0 && learning.retrainEvery.isFinite) {
            problems.append("\(place): the retrain interval must be positive")
        }
        if !(0...1).contains(learning.auditShare) { problems.append("\(place): the audit share must be in [0, 1]") }
        if let drift = learning.drift, !(drift.at >= 0 && drift.at.isFinite && (0...1).contains(drift.keep)) {
            problems.append("\(place): drift needs a time ≥ 0 and a kept share in [0, 1]")
        }
        let base = VisionLearning.balancedError(of: inspection.confusion)
        if !(base > 0) {
            problems.append("\(place): a learning inspection's confusion matrix must make some errors (it gives "
                            + "their shape)")
        } else if let worst = inspection.confusion.indices.map({ 1 - inspection.confusion[$0][$0] }).max(),
                  worst * learning.initialError / base > 1 + 1e-9 {
            problems.append("\(place): the initial error is too large for the confusion matrix's shape (a row "
                            + "would misclassify more than all its parts); at most \(base / worst)")
        }
        return problems
    }
}
