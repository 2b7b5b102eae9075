import TaktFactory
import TaktKernel

extension FactoryReader {
    /// The keys that say when a source's orders arrive; a source has exactly one.
    static let arrivalKeys = ["interarrival", "rate", "schedule", "file"]

    /// `orders:`: a list of sources. With an unbounded run (no run.duration, no stop_after_jobs),
    /// every generating source must be bounded by a count or an end time.
    func readOrders(_ node: Located?, runIsBounded: Bool) -> [OrderSourceSpec]? {
        guard let node else {
            document.error("the factory has no 'orders:' section; add at least one order source, e.g. 'orders: [{name: "
                               + "customers, rate: 6 /h, product: widget}]'")
            return nil
        }
        guard let items = node.isNull ? [] : node.sequence("orders") else { return nil }
        if items.isEmpty {
            node.error("orders must list at least one order source")
            return nil
        }
        var names: [String] = []
        let sources = items.enumerated().compactMap { offset, item -> OrderSourceSpec? in
            let source = readSource(item, path: "orders[\(offset + 1)]", runIsBounded: runIsBounded)
            if let source {
                if names.contains(source.name) {
                    item.error("orders[\(offset + 1)]: another source is already named '\(source.name)'; names must "
                                   + "differ (random streams are named after them)")
                }
                names.append(source.name)
            }
            return source
        }
        return sources.count == items.count ? sources : nil
    }

    /// One source: generated orders (`interarrival:` or `rate:`), a `schedule:` list or a CSV `file:`.
    func readSource(_ node: Located, path: String, runIsBounded: Bool) -> OrderSourceSpec? {
        guard let source = node.mapping(path) else { return nil }
        let name = source.required("name", expected: "a name for the source, e.g. 'customers'")?.string("\(path).name")
        let whenFull = source.optional("when_full")?.choice("\(path).when_full", among: [
            "wait": WhenFull.wait, "reject": WhenFull.reject])
        let forms = Self.arrivalKeys.filter { source.contains($0) }
        guard forms.count == 1 else {
            if forms.isEmpty {
                node.error("\(path) needs to say when orders arrive: 'interarrival:' or 'rate:' (generated orders), "
                               + "'schedule:' (a list) or 'file:' (a CSV file)")
            } else {
                let keys = forms.compactMap { source.keyNode($0) }
                    .sorted { ($0.line, $0.column) < ($1.line, $1.column) }
                let names = keys.compactMap(\.scalarText).map { "'\($0)'" }.joined(separator: " and ")
                keys.last?.error("\(path): \(names) both say when orders arrive; keep one")
            }
            return nil
        }
        var spec: OrderSourceSpec?
        switch forms[0] {
        case "schedule":
            spec = source.optional("schedule").flatMap { readScheduleTable($0, path: "\(path).schedule") }
                .map { OrderSourceSpec(name: name ?? "", arrivals: .schedule($0), mix: []) }
        case "file":
            let options = readCSVOptions(source, path: path)
            spec = source.optional("file").flatMap { readOrderFile($0, options: options, path: "\(path).file") }
                .map { OrderSourceSpec(name: name ?? "", arrivals: .schedule($0), mix: []) }
        default:
            spec = readGeneratedOrders(source, at: node, path: path, name: name ?? "", runIsBounded: runIsBounded)
        }
        source.finish()
        guard name != nil, var spec else { return nil }
        spec.whenFull = whenFull ?? .wait
        return spec
    }
}
