/// Which products consume which (through their operations' `consumes`), to find cycles: a
/// product that needs itself, directly or through its components, could never be made.
struct BillOfMaterials {
    /// Product names, by index.
    let products: [String]
    /// For each product, the products it consumes, with the `consumes` entry that says so.
    private var components: [[(product: Int, at: Located)]]

    init(products: [String]) {
        self.products = products
        components = Array(repeating: [], count: products.count)
    }

    /// Records that product `from` consumes product `to`, as written at `at`.
    mutating func add(from: Int, to: Int, at: Located) {
        components[from].append((to, at))
    }

    /// Reports each cycle once, at the `consumes` entry that closes it, naming it "a → b → a".
    func reportCycles() {
        var state = [VisitState](repeating: .unvisited, count: products.count)
        var path: [Int] = []
        func visit(_ product: Int) {
            state[product] = .onPath
            path.append(product)
            for component in components[product] {
                switch state[component.product] {
                case .onPath:
                    let start = path.lastIndex(of: component.product) ?? 0
                    let cycle = (path[start...] + [component.product]).map { products[$0] }.joined(separator: " → ")
                    component.at.error("the bill of materials has a cycle: \(cycle); a product cannot consume itself, "
                                           + "directly or through its components")
                case .unvisited:
                    visit(component.product)
                case .done:
                    break
                }
            }
            path.removeLast()
            state[product] = .done
        }
        for product in products.indices where state[product] == .unvisited { visit(product) }
    }

    private enum VisitState { case unvisited, onPath, done }
}
