import TaktScenario
import Yams

/// What the parameter reader needs to know: the design and the base scenario.
struct ParameterContext {
    let design: SweepDesign
    let scenarioRoot: Node
    let variants: [String]
}

/// The `design:` key as read: the design, and for explicit points their list.
struct DesignSpec {
    var design: SweepDesign
    var points: [Located]?
}

extension SweepReader {
    static let designWords = ["grid", "random", "latin_hypercube", "points"]

    /// `design: grid`, `{random: N}`, `{latin_hypercube: N}` or `{points: [...]}`; nil when absent (grid).
    func readDesign(_ node: Located?) -> DesignSpec? {
        guard let node else { return nil }
        let expected = "expected 'grid', or one of {random: N}, {latin_hypercube: N}, {points: [...]}"
        if let word = node.scalarText, !node.isNull {
            if word == "grid" { return DesignSpec(design: .grid, points: nil) }
            let hint = NameSuggestion.closest(to: word, among: Self.designWords).map { "did you mean '\($0)'? " } ?? ""
            node.error("design: unknown design '\(word)'; \(hint)\(expected)")
            return nil
        }
        guard let mapping = node.mapping("design") else { return nil }
        let random = mapping.optional("random"), hypercube = mapping.optional("latin_hypercube"),
            points = mapping.optional("points")
        mapping.finish()
        let given = [random, hypercube, points].compactMap { $0 }.count
        guard given == 1 else {
            if given > 1 || mapping.isEmpty { node.error("design must name exactly one design; \(expected)") }
            return nil
        }
        if let random {
            return random.integer("design.random (the number of points)", in: 1...1_000_000)
                .map { DesignSpec(design: .random(count: $0)) }
        }
        if let hypercube {
            return hypercube.integer("design.latin_hypercube (the number of points)", in: 1...1_000_000)
                .map { DesignSpec(design: .latinHypercube(count: $0)) }
        }
        return points?.sequence("design.points").map { DesignSpec(design: .points, points: $0) }
    }

    /// `parameters:` path → values (a list) or a mapping with `values:` or `min:`/`max:`.
    func readParameters(_ node: Located?, context: ParameterContext, required: Bool, document: Located)
        -> [SweepParameter] {
        guard let node else {
            if required {
                document.error("the sweep is missing 'parameters' (the scenario paths to vary, each with its values)")
            }
            return []
        }
        guard let mapping = node.mapping("parameters") else { return [] }
        var parameters: [SweepParameter] = []
        for entry in mapping.namedEntries {
            _ = mapping.optional(entry.name)
            if parameters.contains(where: { $0.name == entry.name }) { continue }   // reported by finish()
            if let parameter = readParameter(entry.name, key: entry.key, spec: entry.value, context: context) {
                parameters.append(parameter)
            }
        }
        mapping.finish()
        if parameters.isEmpty && mapping.isEmpty && required {
            node.error("parameters is empty; name at least one path to vary")
        }
        return parameters
    }

    func readParameter(_ name: String, key: Located, spec: Located, context: ParameterContext) -> SweepParameter? {
        let isVariant = name == "variant"
        let path = isVariant ? nil : checkPath(name, key: key, scenarioRoot: context.scenarioRoot, allowVariant: true)
        if !isVariant && path == nil { return nil }
        var parameter = SweepParameter(name: name, path: path, domain: .values([]), format: nil, isNumeric: false,
                                       line: key.line, column: key.column, keyMark: key.node.mark,
                                       specMark: spec.node.mark)
        var valuesNode: Located?
        switch spec.node {
        case .sequence:
            valuesNode = spec
        case .mapping:
            guard let fields = spec.mapping("parameters.\(name)") else { return nil }
            valuesNode = fields.optional("values")
            let low = fields.optional("min"), high = fields.optional("max")
            let integer = fields.optional("integer")?.boolean("parameters.\(name).integer") ?? false
            let stepsNode = fields.optional("steps")
            let unit = fields.optional("unit"), format = fields.optional("format")
            fields.finish()
            parameter.format = readFormat(name, unit: unit, format: format, isVariant: isVariant)
            if valuesNode == nil {
                guard !isVariant
                else { spec.error("parameters.variant takes a list of variant names (base for none)"); return nil }
                parameter.domain = readRange(name, spec: spec, low: low, high: high, integer: integer, steps: stepsNode,
                                             design: context.design) ?? .values([])
                parameter.isNumeric = true
                if case .range(let min, let max, let integer, let steps?) = parameter.domain {
                    parameter.domain = .values(Self.evenlySpaced(min, max, count: steps, integer: integer).map {
                        let label = Self.numberText($0)
                        return SweepValue(label: label, text: parameter.formatted(label), number: $0,
                                          node: .scalar(Node.Scalar(parameter.formatted(label), .implicit, .plain,
                                                                    spec.node.mark)))
                    })
                }
                return parameter
            }
            for (what, field) in [("min", low), ("max", high), ("steps", stepsNode)] where field != nil {
                field?.error("parameters.\(name): '\(what)' goes with a range, not with 'values'")
            }
        default:
            spec.error("parameters.\(name) must be a list of values, or a mapping with 'values:' or 'min:' and 'max:'"
                + (isVariant ? "" : "; to set one value in every point, use 'fixed:'"))
            return nil
        }
        guard let valuesNode else { return nil }
        var values: [SweepValue] = []
        if case .mapping = valuesNode.node, !isVariant {
            // Labelled values: `label: value`, the label standing for the value in tables.
            guard let labelled = valuesNode.mapping("parameters.\(name).values") else { return nil }
            for entry in labelled.namedEntries {
                _ = labelled.optional(entry.name)
                values.append(value(of: entry.value, parameter: parameter, label: entry.name))
            }
            labelled.finish()
            if labelled.isEmpty { valuesNode.error("parameters.\(name).values is empty") }
        } else {
            guard let items = valuesNode.sequence("parameters.\(name).values") else { return nil }
            if items.isEmpty { valuesNode.error("parameters.\(name).values is empty") }
            for item in items {
                if isVariant && !checkVariant(item, variants: context.variants) { continue }
                values.append(value(of: item, parameter: parameter))
            }
        }
        parameter.domain = .values(values)
        parameter.isNumeric = !values.isEmpty && values.allSatisfy { $0.number != nil }
        return parameter
    }

    /// `unit: min` (sugar for `format: "{} min"`) or `format:` with a `{}` placeholder.
    func readFormat(_ name: String, unit: Located?, format: Located?, isVariant: Bool) -> String? {
        if isVariant, let node = unit ?? format {
            node.error("parameters.variant takes variant names; it has no unit or format"); return nil
        }
        if let unit, let format {
            format.error("parameters.\(name): give 'unit' or 'format', not both")
            _ = unit
            return nil
        }
        if let text = unit?.string("parameters.\(name).unit") { return "{} \(text)" }
        guard let format, let text = format.string("parameters.\(name).format") else { return nil }
        guard text.contains("{}") else {
            format.error("parameters.\(name).format must contain {} where the value goes, e.g. "
                             + "\"exponential(mean: {} h)\"")
            return nil
        }
        return text
    }

    func readRange(_ name: String, spec: Located, low: Located?, high: Located?, integer: Bool, steps: Located?,
                   design: SweepDesign) -> SweepParameter.Domain? {
        guard let low, let high else {
            spec.error("parameters.\(name) needs 'values: [...]', or 'min:' and 'max:' (a range)")
            return nil
        }
        let range: ClosedRange<Double> = integer ? Double(-(1 << 52))...Double(1 << 52) : -.infinity ... .infinity
        guard let min = low.number("parameters.\(name).min", in: range), let max = high.number("parameters.\(name).max",
                                                                                               in: range) else {
            return nil
        }
        if integer, min.rounded() != min || max.rounded() != max {
            spec.error("parameters.\(name): an integer range needs whole min and max, found "
                           + "\(Self.numberText(min))…\(Self.numberText(max))")
            return nil
        }
        guard min < max else {
            high.error("parameters.\(name).max must be greater than min (\(Self.numberText(min))), found "
                           + "\(Self.numberText(max))")
            return nil
        }
        let count = steps?.integer("parameters.\(name).steps", in: 2...100_000)
        switch design {
        case .grid:
            guard let count else {
                if steps == nil {
                    spec.error("parameters.\(name): a range in a grid needs 'steps' (how many evenly spaced values), "
                                   + "or list 'values'")
                }
                return nil
            }
            if integer, max - min + 1 < Double(count) {
                steps?.error("parameters.\(name).steps: \(count) whole values do not fit between "
                                 + "\(Self.numberText(min)) and \(Self.numberText(max))")
                return nil
            }
            return .range(min: min, max: max, integer: integer, steps: count)
        case .random, .latinHypercube:
            if steps != nil {
                steps?.error("parameters.\(name).steps applies to grid designs; random designs draw from "
                                 + "the whole range")
            }
            return .range(min: min, max: max, integer: integer, steps: nil)
        case .points:
            return .range(min: min, max: max, integer: integer, steps: nil)
        }
    }

    /// A value written in the file (in a list, a labelled mapping, or an explicit point); a
    /// labelled value is shown by its label and is not a number.
    func value(of item: Located, parameter: SweepParameter, label given: String? = nil) -> SweepValue {
        let written = item.scalarText ?? Sweep.canonical(item.node)
        let label = given ?? written
        let number = given != nil ? nil
            : item.scalarText.flatMap { Double($0.replacingOccurrences(of: "_",
                                                                       with: "")) }.flatMap { $0.isFinite ? $0 : nil }
        guard parameter.format != nil, case .scalar = item.node else {
            return SweepValue(label: label, text: written, number: number, node: item.node)
        }
        let text = parameter.formatted(written)
        return SweepValue(label: label, text: text, number: number,
                          node: .scalar(Node.Scalar(text, .implicit, .plain, item.node.mark)))
    }

    /// True if `item` names a variant of the scenario (or `base`).
    func checkVariant(_ item: Located, variants: [String]) -> Bool {
        guard let name = item.string("a variant name") else { return false }
        if name == "base" || variants.contains(name) { return true }
        let known = ["base"] + variants
        let hint = NameSuggestion.closest(to: name, among: known).map { "did you mean '\($0)'? " } ?? ""
        item.error("variant '\(name)' is not defined by the scenario; \(hint)expected one of: "
                       + "\(known.joined(separator: ", "))")
        return false
    }

    /// `count` evenly spaced values from `min` to `max` (rounded for integer ranges).
    static func evenlySpaced(_ min: Double, _ max: Double, count: Int, integer: Bool) -> [Double] {
        (0..<count).map { index in
            let value = index == count - 1 ? max : min + (max - min) * Double(index) / Double(count - 1)
            return integer ? value.rounded() : value
        }
    }

    /// A number as scenario text: whole numbers without a decimal point, others in Swift's
    /// shortest round-trip form.
    static func numberText(_ value: Double) -> String {
        if value.rounded() == value && abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

extension SweepParameter {
    /// `label` put into the parameter's format.
    func formatted(_ label: String) -> String {
        format.map { $0.replacingOccurrences(of: "{}", with: label) } ?? label
    }
}
