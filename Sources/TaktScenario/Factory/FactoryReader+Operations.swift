import TaktFactory
import TaktKernel

/// An operation as read, before its rework target (a name) is resolved against the routing.
struct OperationDraft {
    var spec: OperationSpec
    /// The `rework.to` node and the rework probability, if the operation has rework.
    var rework: (to: Located, probability: Double)?
    /// Products (sub-assemblies) this operation consumes, with the entry that says so.
    var components: [(product: Int, at: Located)]
    /// The `inspect.on_reject.rework` node, if rejected parts are reworked.
    var rejectReworkTo: Located?
    /// The operation's `inspect:` node (for problems found once the whole routing is known).
    var inspectNode: Located?
}

extension FactoryReader {
    /// One routing step: `{station: cut, time: 4 min, name: …, consumes: …, scrap: …, rework: …}`.
    func readOperation(_ node: Located, path: String) -> OperationDraft? {
        guard let fields = node.mapping(path) else { return nil }
        let stationIndices = readOperationStations(fields, at: node, path: path)
        let time = fields.required("time",
                                   expected: "the processing time per unit, e.g. '4 min'")?.distribution("\(path).time")
        let defaultName = fields.optional("station")?.scalarText ?? Self.firstItem(of: fields.optional("stations"))
            ?? ""
        let name = fields.optional("name").flatMap { $0.string("\(path).name") } ?? defaultName
        let consumes = fields.optional("consumes").map { readConsumes($0, path: "\(path).consumes") }
        let scrap = fields.optional("scrap")?.number("\(path).scrap", in: 0...1)
        let rework = fields.optional("rework").flatMap { readRework($0, path: "\(path).rework") }
        let recipe = fields.optional("recipe").map { readRecipe($0, path: "\(path).recipe") } ?? []
        let quality = fields.optional("defects").flatMap {
            readQualityModel($0, recipe: recipe, environmentNames: environmentNames, path: "\(path).defects")
        }
        let inspection = fields.optional("inspect").flatMap { readInspection($0, path: "\(path).inspect") }
        fields.finish()
        if let rework, rework.probability + (scrap ?? 0) > 1 {
            rework.probabilityNode.error("\(path): scrap (\(scrap ?? 0)) and rework probability "
                                             + "(\(rework.probability)) add up to more than 1")
            return nil
        }
        guard let stationIndices, let time, consumes?.complete ?? true else { return nil }
        var spec = OperationSpec(name: name, stations: stationIndices, processTime: time,
                                 consumes: consumes?.uses ?? [],
                                 scrapProbability: scrap ?? 0)
        spec.recipe = recipe
        spec.quality = quality
        spec.inspection = inspection?.spec
        return OperationDraft(spec: spec, rework: rework.map { ($0.to, $0.probability) },
                              components: consumes?.products ?? [], rejectReworkTo: inspection?.reworkTo,
                              inspectNode: fields.optional("inspect"))
    }

    /// `station: cut`, or `stations: [cut, cut_b]` for alternatives (the first preferred on ties).
    func readOperationStations(_ fields: MappingReader, at node: Located, path: String) -> [Int]? {
        switch (fields.optional("station"), fields.optional("stations")) {
        case (_?, _?):
            fields.keyNode("stations")?.error("\(path) has both 'station' and 'stations'; write 'station: cut', or "
                                                  + "'stations: [cut, cut_b]' for alternatives")
            return nil
        case (nil, nil):
            node.error("\(path) is missing 'station' (the station that does it, e.g. 'station: cut'; or 'stations: "
                           + "[cut, cut_b]' for alternatives)")
            return nil
        case (let single?, nil):
            return stations.resolve(single, what: "\(path).station").map { [$0] }
        case (nil, let list?):
            guard let items = list.sequence("\(path).stations") else { return nil }
            if items.isEmpty {
                list.error("\(path).stations is empty; name at least one station")
                return nil
            }
            let indices = items.compactMap { stations.resolve($0, what: "\(path).stations") }
            return indices.count == items.count ? indices : nil
        }
    }

    /// The text of a list's first item (the default operation name for alternative stations).
    static func firstItem(of node: Located?) -> String? {
        guard case .sequence(let items)? = node?.node else { return nil }
        return items.first?.string
    }

    /// `rework: {probability: 0.1, to: cutting}`; the target is resolved later, against the routing.
    func readRework(_ node: Located, path: String) -> (to: Located, probability: Double, probabilityNode: Located)? {
        guard let rework = node.mapping(path) else { return nil }
        let probabilityNode = rework.required("probability", expected: "the share of jobs reworked, e.g. 0.1")
        let probability = probabilityNode?.number("\(path).probability", in: 0...1)
        let to = rework.required("to", expected: "the name of this or an earlier operation of the routing")
        rework.finish()
        guard let probabilityNode, let probability, let to, to.string("\(path).to") != nil else { return nil }
        return (to, probability, probabilityNode)
    }
}
