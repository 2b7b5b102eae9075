import TaktFactory

extension FactoryReader {
    /// Resolves each operation's `rework.to` to the index of this or an earlier operation of the
    /// same routing, by name.
    func resolveRework(_ drafts: inout [OperationDraft], path: String) {
        for index in drafts.indices {
            if let (target, probability) = drafts[index].rework,
               let to = resolveTarget(target, of: index, in: drafts, what: "\(path)[\(index + 1)].rework.to") {
                drafts[index].spec.rework = Rework(probability: probability, toOperation: to)
            }
            if drafts[index].spec.inspection?.onReject == .recheck,
               index + 1 >= drafts.count || drafts[index + 1].spec.inspection == nil {
                drafts[index].inspectNode?.error("\(path)[\(index + 1)].inspect.on_reject: 'recheck' sends flagged "
                                                     + "parts to the next operation, "
                                                 + "which must be an inspection (the human re-check)")
            }
            if let target = drafts[index].rejectReworkTo,
               let to = resolveTarget(target, of: index, in: drafts,
                                      what: "\(path)[\(index + 1)].inspect.on_reject.rework") {
                drafts[index].spec.inspection?.onReject = .rework(toOperation: to)
            }
        }
    }

    /// The index of the operation `target` names: this one or an earlier one of the routing.
    func resolveTarget(_ target: Located, of index: Int, in drafts: [OperationDraft], what: String) -> Int? {
        let names = drafts.map(\.spec.name)
        guard let name = target.string(what) else { return nil }
        let matches = names.indices.filter { names[$0] == name }
        let reachable = matches.filter { $0 <= index }
        let earlier = names[...index].map { "'\($0)'" }.joined(separator: ", ")
        if reachable.count == 1 { return reachable[0] }
        if reachable.count > 1 {
            let positions = reachable.map { String($0 + 1) }.joined(separator: ", ")
            target.error("\(what): operations \(positions) share the name '\(name)'; give them distinct 'name:'s "
                             + "to say which one")
        } else if let later = matches.first {
            target.error("\(what): '\(name)' is a later operation (\(later + 1) of the routing); rework can only go "
                             + "back to this operation or an earlier one: \(earlier)")
        } else {
            let hint = Suggestion.closest(to: name, among: Array(names[...index])).map { "did you mean '\($0)'? " }
                ?? ""
            target.error("\(what): no operation named '\(name)' in this routing; \(hint)operations up to this "
                             + "one: \(earlier)")
        }
        return nil
    }
}
