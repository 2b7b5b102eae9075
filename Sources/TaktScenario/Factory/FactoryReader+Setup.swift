import TaktFactory
import TaktKernel

extension FactoryReader {
    /// `setup: {initial: 5 min, matrix: {small: {large: 10 min}}}`: sequence-dependent setups
    /// between the top-level `families`. Pairs missing from the matrix need no setup.
    func readSetup(_ node: Located, path: String) -> SetupSpec? {
        guard let setup = node.mapping(path) else { return nil }
        let matrixNode = setup.optional("matrix")
        let initialNode = setup.optional("initial")
        setup.finish()
        guard !families.names.isEmpty else {
            node.error("\(path) needs product families to tell setups apart; list them at the top level, e.g. "
                           + "'families: [small, large]'")
            return nil
        }
        guard matrixNode != nil || initialNode != nil else {
            node.error("\(path) needs a 'matrix' (setup times from family to family) or an 'initial' setup")
            return nil
        }
        let count = families.names.count
        var times = [[Distribution?]](repeating: [Distribution?](repeating: nil, count: count), count: count)
        if let matrixNode, let matrix = matrixNode.mapping("\(path).matrix") {
            for from in matrix.namedEntries {
                let fromIndex = families.resolve(from.key, what: "\(path).matrix")
                guard let row = from.value.mapping("\(path).matrix.\(from.name)") else { continue }
                for to in row.namedEntries {
                    let toIndex = families.resolve(to.key, what: "\(path).matrix.\(from.name)")
                    let time = to.value.distribution("\(path).matrix.\(from.name).\(to.name)")
                    if let fromIndex, let toIndex { times[fromIndex][toIndex] = time }
                }
            }
        }
        let initial = initialNode.map { readInitialSetup($0, path: "\(path).initial") }
        return SetupSpec(families: families.names, times: times, initial: initial)
    }

    /// `initial: 5 min` (every family) or `initial: {small: 5 min, large: 8 min}`.
    func readInitialSetup(_ node: Located, path: String) -> [Distribution?] {
        var initial = [Distribution?](repeating: nil, count: families.names.count)
        guard case .mapping = node.node else {
            let time = node.distribution(path)
            return initial.map { _ in time }
        }
        guard let perFamily = node.mapping(path) else { return initial }
        for entry in perFamily.namedEntries {
            let index = families.resolve(entry.key, what: path)
            let time = entry.value.distribution("\(path).\(entry.name)")
            if let index { initial[index] = time }
        }
        return initial
    }
}
