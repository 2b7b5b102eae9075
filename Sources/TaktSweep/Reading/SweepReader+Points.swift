import TaktScenario
import Yams

extension SweepReader {
    /// `design: {points: [...]}`: each point a mapping of parameter path → value. Without a
    /// `parameters:` section the parameters are the points' keys, in order of appearance; every
    /// point must give every parameter.
    func readPoints(_ items: [Located], declared: [SweepParameter], context: ParameterContext)
        -> (parameters: [SweepParameter], points: [SweepPoint]) {
        var parameters = declared
        let isDeclared = !declared.isEmpty
        var rejected: Set<String> = []
        var rows: [(item: Located, entries: [String: Located])] = []
        for item in items {
            guard let mapping = item.mapping("a point (parameter path: value lines)") else { continue }
            var entries: [String: Located] = [:]
            for entry in mapping.namedEntries {
                _ = mapping.optional(entry.name)
                if entries[entry.name] != nil { continue }   // reported by finish()
                entries[entry.name] = entry.value
                if parameters.contains(where: { $0.name == entry.name }) || rejected.contains(entry.name) { continue }
                if isDeclared {
                    let names = declared.map(\.name)
                    let hint = NameSuggestion.closest(to: entry.name, among: names).map { "did you mean '\($0)'? " }
                        ?? ""
                    entry.key.error("'\(entry.name)' is not one of the parameters; \(hint)declared: "
                                        + "\(names.joined(separator: ", "))")
                    rejected.insert(entry.name)
                    continue
                }
                let isVariant = entry.name == "variant"
                if !isVariant
                    && checkPath(entry.name, key: entry.key, scenarioRoot: context.scenarioRoot,
                                 allowVariant: true) == nil {
                    rejected.insert(entry.name)
                    continue
                }
                parameters.append(SweepParameter(
                    name: entry.name, path: isVariant ? nil : ScenarioPath(entry.name), domain: .values([]),
                    format: nil,
                    isNumeric: false, line: entry.key.line, column: entry.key.column, keyMark: entry.key.node.mark,
                    specMark: entry.value.node.mark))
            }
            mapping.finish()
            rows.append((item, entries))
        }
        var points: [SweepPoint] = []
        for (item, entries) in rows {
            let missing = parameters.filter { entries[$0.name] == nil }.map(\.name)
            if !missing.isEmpty {
                item.error("point \(points.count) does not give \(missing.joined(separator: ", ")); every point gives "
                               + "every parameter")
                continue
            }
            var values: [SweepValue] = []
            for parameter in parameters {
                guard let node = entries[parameter.name] else { continue }
                if parameter.isVariant && !checkVariant(node, variants: context.variants) { continue }
                values.append(value(of: node, parameter: parameter))
            }
            guard values.count == parameters.count else { continue }
            points.append(SweepPoint(index: points.count, values: values, mark: item.node.mark))
        }
        for index in parameters.indices {
            let column = points.map { $0.values[index] }
            parameters[index].isNumeric = !column.isEmpty && column.allSatisfy { $0.number != nil }
            if !isDeclared { parameters[index].domain = .values(column) }
        }
        return (parameters, points)
    }
}
