import TaktFactory

extension FactoryReader {
    /// Resolves each operation's `rework.to` to the index of this or an earlier operation of the
    /// same routing, by name.
    func resolveRework(_ drafts: inout [OperationDraft], path: String) {
        let names = drafts.map(\.spec.name)
        for index in drafts.indices {
            guard let (target, probability) = drafts[index].rework, let name = target.scalarText else { continue }
            let what = "\(path)[\(index + 1)].rework.to"
            let matches = names.indices.filter { names[$0] == name }
            let reachable = matches.filter { $0 <= index }
            let earlier = names[...index].map { "'\($0)'" }.joined(separator: ", ")
            if reachable.count == 1 {
                drafts[index].spec.rework = Rework(probability: probability, toOperation: reachable[0])
            } else if reachable.count > 1 {
                let positions = reachable.map { String($0 + 1) }.joined(separator: ", ")
                target.error("\(what): operations \(positions) share the name '\(name)'; give them distinct 'name:'s to say which one")
            } else if let later = matches.first {
                target.error("\(what): '\(name)' is a later operation (\(later + 1) of the routing); rework can only go back to this operation or an earlier one: \(earlier)")
            } else {
                let hint = Suggestion.closest(to: name, among: Array(names[...index])).map { "did you mean '\($0)'? " } ?? ""
                target.error("\(what): no operation named '\(name)' in this routing; \(hint)operations up to this one: \(earlier)")
            }
        }
    }
}
