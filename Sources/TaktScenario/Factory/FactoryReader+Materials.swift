import TaktFactory
import TaktKernel

extension FactoryReader {
    /// `materials:`: name → {initial, policy, lead_time}, in file order (the order is the index).
    func readMaterials(_ node: Located?) -> [MaterialSpec] {
        guard let node, let materialsMapping = node.mapping("materials") else { return [] }
        return materialsMapping.namedEntries.compactMap { entry in
            if products.index(of: entry.name) != nil {
                entry.key.error("materials.\(entry.name): a product has the same name; 'consumes' could not tell them "
                                    + "apart, so rename one")
            }
            return readMaterial(entry.name, entry.value)
        }
    }

    /// One material; without a policy it is never reordered.
    func readMaterial(_ name: String, _ node: Located) -> MaterialSpec? {
        let path = "materials.\(name)"
        guard let fields = node.mapping(path) else { return nil }
        let initial = fields.optional("initial")?.integer("\(path).initial", in: 0...InputLimits.largestStock)
        let policy = fields.optional("policy").map { readPolicy($0, path: "\(path).policy") }
            ?? ReplenishmentPolicy.none
        let leadTimeNode = fields.optional("lead_time")
        let leadTime = leadTimeNode?.distribution("\(path).lead_time")
        fields.finish()
        if leadTimeNode == nil, let policy, policy != .none {
            node.error("\(path) is missing 'lead_time' (the supplier's delay from order to receipt, e.g. 'uniform(min: "
                           + "1 d, max: 3 d)')")
            return nil
        }
        guard let policy, leadTimeNode == nil || leadTime != nil else { return nil }
        return MaterialSpec(name: name, initialStock: initial ?? 0, policy: policy, leadTime: leadTime ?? .constant(0))
    }

    /// `policy: {s: 20, S: 100}`, `policy: {reorder_point: 20, quantity: 50}` or `policy: none`.
    func readPolicy(_ node: Located, path: String) -> ReplenishmentPolicy? {
        let expected = "\(path) must be {s: 20, S: 100} (order up to S), {reorder_point: 20, quantity: 50} (order a "
            + "fixed quantity) or 'none'"
        guard case .mapping = node.node else {
            if node.scalarText == "none" { return ReplenishmentPolicy.none }
            node.error("\(expected), found '\(node.scalarText ?? node.kindName)'")
            return nil
        }
        guard let policy = node.mapping(path) else { return nil }
        defer { policy.finish() }
        if policy.contains("s") || policy.contains("S") {
            let sNode = policy.required("s", expected: "the reorder level, e.g. 20")
            let s = sNode?.integer("\(path).s", in: 0...InputLimits.largestStock)
            let upTo = policy.required("S", expected: "the order-up-to level, e.g. 100")?
                .integer("\(path).S", in: 1...InputLimits.largestStock)
            guard let sNode, let s, let upTo else { return nil }
            if s >= upTo {
                sNode.error("\(path): s (\(s)) must be below S (\(upTo)); (s, S) orders up to S when the stock "
                                + "position falls to s")
                return nil
            }
            return .minMax(s: s, S: upTo)
        }
        if policy.contains("reorder_point") || policy.contains("quantity") {
            let point = policy.required("reorder_point", expected: "the reorder level, e.g. 20")?
                .integer("\(path).reorder_point", in: 0...InputLimits.largestStock)
            let quantity = policy.required("quantity", expected: "the order quantity, e.g. 50")?
                .integer("\(path).quantity", in: 1...InputLimits.largestStock)
            guard let point, let quantity else { return nil }
            return .reorderPoint(r: point, Q: quantity)
        }
        node.error(expected)
        _ = (policy.optional("s"), policy.optional("S"), policy.optional("reorder_point"), policy.optional("quantity"))
        return nil
    }
}
