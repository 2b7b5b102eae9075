import TaktFactory

extension FactoryReader {
    /// `power: {busy: 15, idle: 3, setup: 8, down: 0.5, off_shift: 0.2}` — kW drawn by each machine
    /// in each state; states not named draw nothing.
    func readPower(_ node: Located, path: String) -> [Double]? {
        guard let mapping = node.mapping(path) else { return nil }
        var power = Array(repeating: 0.0, count: MachineState.allCases.count)
        for state in MachineState.allCases {
            if let value = mapping.optional(state.name)?.number("\(path).\(state.name) (kW)",
                                                                in: 0...Double.greatestFiniteMagnitude) {
                power[state.rawValue] = value
            }
        }
        mapping.finish()
        return power
    }

    /// `electricity: {price: 0.12}` (per kWh) or `electricity: {price_from: price}` (an environment variable).
    func readElectricity(_ node: Located?, variables: [EnvironmentVariable]) -> ElectricityPrice {
        guard let node, let fields = node.mapping("electricity") else { return .constant(0) }
        var price = ElectricityPrice.constant(0)
        if let constant = fields.optional("price")?.number("electricity.price",
                                                           in: 0...Double.greatestFiniteMagnitude) {
            price = .constant(constant)
        }
        if let variableNode = fields.optional("price_from") {
            let names = NameTable(kind: "environment variable", plural: "environment variables",
                                  names: variables.map(\.name),
                                  howToDefine: "define it under 'environment:'")
            if let index = names.resolve(variableNode, what: "electricity.price_from") { price = .variable(index) }
        }
        fields.finish()
        return price
    }
}
