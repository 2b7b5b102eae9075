import TaktFactory
import TaktKernel

extension FactoryReader {
    /// `products:`: name → {family, routing}, in file order (the order is the product index).
    /// Also checks that the bill of materials has no cycle.
    func readProducts(_ node: Located?) -> [ProductSpec]? {
        guard let node else {
            document.error("the factory has no 'products:'; add at least one, e.g. 'products: {widget: {routing: "
                               + "[{station: cut, time: 4 min}]}}'")
            return nil
        }
        guard let productsMapping = node.mapping("products") else { return nil }
        if productsMapping.isEmpty {
            node.error("products must name at least one product")
            return nil
        }
        var specs: [ProductSpec] = []
        var bill = BillOfMaterials(products: products.names)
        for (index, entry) in productsMapping.namedEntries.enumerated() {
            guard let product = readProduct(entry.name, entry.value) else { continue }
            specs.append(product.spec)
            for component in product.components { bill.add(from: index, to: component.product, at: component.at) }
        }
        bill.reportCycles()
        return specs.count == productsMapping.namedEntries.count ? specs : nil
    }

    /// One product, with the products its operations consume (for the cycle check).
    func readProduct(_ name: String, _ node: Located)
        -> (spec: ProductSpec, components: [(product: Int, at: Located)])? {
        let path = "products.\(name)"
        guard let fields = node.mapping(path) else { return nil }
        let family = fields.optional("family").flatMap { families.resolve($0, what: "\(path).family") }
        let routingNode = fields.required("routing",
                                          expected: "the operations in order, e.g. '- {station: cut, time: 4 min}'")
        fields.finish()
        guard let routingNode else { return nil }
        let items = routingNode.isNull ? [] : routingNode.sequence("\(path).routing")
        guard let items else { return nil }
        if items.isEmpty {
            routingNode.error("\(path).routing is empty; a product needs at least one operation")
            return nil
        }
        var drafts = items.enumerated().compactMap { offset, item in
            readOperation(item, path: "\(path).routing[\(offset + 1)]")
        }
        guard drafts.count == items.count else { return nil }
        resolveRework(&drafts, path: "\(path).routing")
        let spec = ProductSpec(name: name, family: family ?? 0, routing: drafts.map(\.spec))
        return (spec, drafts.flatMap(\.components))
    }
}
