import TaktFactory

extension FactoryReader {
    /// `consumes: {steel: 2, bracket: 1}`: components per unit, each a material or a product.
    func readConsumes(_ node: Located, path: String)
        -> (uses: [ComponentUse], products: [(product: Int, at: Located)], complete: Bool) {
        guard let consumes = node.mapping(path) else { return ([], [], false) }
        var uses: [ComponentUse] = []
        var madeProducts: [(product: Int, at: Located)] = []
        for entry in consumes.namedEntries {
            let quantity = entry.value.integer("\(path).\(entry.name)", in: 1...1_000_000)
            let item: Item
            if let material = materials.index(of: entry.name) {
                item = .material(material)
            } else if let product = products.index(of: entry.name) {
                item = .product(product)
                madeProducts.append((product, entry.key))
            } else {
                entry.key.error("\(path): \(undefinedComponent(entry.name))")
                continue
            }
            if let quantity { uses.append(ComponentUse(item: item, quantity: quantity)) }
        }
        return (uses, madeProducts, uses.count == consumes.namedEntries.count)
    }

    /// "undefined material or product 'stel'; did you mean 'steel'? …".
    func undefinedComponent(_ name: String) -> String {
        let candidates = materials.names + products.names
        let hint = Suggestion.closest(to: name, among: candidates).map { "did you mean '\($0)'? " } ?? ""
        let materialList = materials.names.isEmpty ? "none" : Suggestion.listing(materials.names, near: name)
        return "undefined material or product '\(name)'; \(hint)materials: \(materialList); products: "
            + "\(Suggestion.listing(products.names, near: name))"
    }
}
