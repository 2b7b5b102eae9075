import TaktFactory
import TaktKernel

extension FactoryReader {
    /// `stations:`: a mapping name → station, in file order (the order is the station index).
    func readStations(_ node: Located?) -> [StationSpec]? {
        guard let node, let stations = node.mapping("stations") else { return nil }
        if stations.isEmpty {
            node.error("stations must name at least one station, e.g. 'stations: {cut: {machines: 2}}'")
            return nil
        }
        let specs = stations.namedEntries.compactMap { readStation($0.name, $0.value) }
        return specs.count == stations.namedEntries.count ? specs : nil
    }

    /// One station; an empty entry (`cut:`) is one machine, an unlimited buffer and FIFO.
    func readStation(_ name: String, _ node: Located) -> StationSpec? {
        var station = StationSpec(name: name)
        if node.isNull { return station }
        let path = "stations.\(name)"
        guard let fields = node.mapping(path) else { return nil }
        if let machines = fields.optional("machines")?.integer("\(path).machines", in: 1...1_000_000) {
            station.machines = machines
        }
        station.bufferCapacity = fields.optional("buffer")?.integer("\(path).buffer", in: 0...Int.max)
        if let dispatch = fields.optional("dispatch")
            .flatMap({ DispatchRuleSyntax.read($0, what: "\(path).dispatch") }) {
            station.dispatch = dispatch
        }
        station.setup = fields.optional("setup").flatMap { readSetup($0, path: "\(path).setup") }
        station.batch = fields.optional("batch").flatMap { readBatch($0, path: "\(path).batch") }
        station.loadTime = fields.optional("load")?.distribution("\(path).load")
        station.unloadTime = fields.optional("unload")?.distribution("\(path).unload")
        station.breakdowns = fields.optional("breakdowns").flatMap { readBreakdowns($0, path: "\(path).breakdowns") }
        station.maintenance = fields.optional("maintenance").map { readMaintenance($0, path: "\(path).maintenance") }
            ?? []
        station.wear = fields.optional("wear").flatMap { readWear($0, path: "\(path).wear") }
        if let powerNode = fields.optional("power") { station.powerKW = readPower(powerNode, path: "\(path).power") }
        if let calendarNode = fields.optional("calendar"), let index = calendarNames.resolve(calendarNode,
                                                                                             what: "\(path).calendar") {
            station.calendar = calendars[index]
        }
        station.operators = fields.optional("operators")?.choice("\(path).operators", among: [
            "step": OperatorNeed.step, "setup": OperatorNeed.setup])
        fields.finish()
        return station
    }

    /// `batch: {max: 8, min: 4, max_wait: 30 min}`.
    func readBatch(_ node: Located, path: String) -> BatchSpec? {
        guard let batch = node.mapping(path) else { return nil }
        let max = batch.required("max", expected: "the largest batch, e.g. 8")?.integer("\(path).max",
                                                                                        in: 1...1_000_000)
        let minNode = batch.optional("min")
        let min = minNode?.integer("\(path).min", in: 1...1_000_000)
        let maxWait = batch.optional("max_wait")?.duration("\(path).max_wait")
        batch.finish()
        guard let max else { return nil }
        if let min, let minNode, min > max {
            minNode.error("\(path).min (\(min)) must not exceed \(path).max (\(max))")
            return nil
        }
        return BatchSpec(maxSize: max, minSize: min ?? 1, maxWait: maxWait ?? 0)
    }
}
