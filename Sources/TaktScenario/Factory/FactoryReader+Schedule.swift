import Foundation
import TaktFactory

extension FactoryReader {
    /// `schedule: [{at: 0 s, product: widget, quantity: 5, due: 2 d, priority: 1}, …]`; `due` is
    /// absolute (time from the start). Orders are sorted by time (stably).
    func readScheduleTable(_ node: Located, path: String) -> [ScheduledOrder]? {
        guard let items = node.sequence(path) else { return nil }
        if items.isEmpty {
            node.error("\(path) is empty; list at least one order, e.g. '- {at: 0 s, product: widget}'")
            return nil
        }
        let orders = items.enumerated().compactMap { offset, item -> ScheduledOrder? in
            let itemPath = "\(path)[\(offset + 1)]"
            guard let row = item.mapping(itemPath) else { return nil }
            let time = row.required("at", expected: "when the order arrives, e.g. '2 h'")?.duration("\(itemPath).at")
            let product = row.required("product", expected: "the product ordered")
                .flatMap { products.resolve($0, what: "\(itemPath).product") }
            let quantity = row.optional("quantity")?.integer("\(itemPath).quantity",
                                                             in: 1...InputLimits.largestQuantity)
            let dueNode = row.optional("due")
            let due = dueNode?.duration("\(itemPath).due")
            let priority = row.optional("priority")?.integer("\(itemPath).priority",
                                                       in: -InputLimits.largestPriority...InputLimits.largestPriority)
            row.finish()
            guard let time, let product, dueNode == nil || due != nil else { return nil }
            return ScheduledOrder(time: time, product: product, quantity: quantity ?? 1, due: due,
                                  priority: priority ?? 0)
        }
        guard orders.count == items.count else { return nil }
        return Self.sortedByTime(orders)
    }

    /// `file: orders.csv`: a CSV order list, relative to the scenario file's folder, read with
    /// the `delimiter` and `start` declared beside it.
    func readOrderFile(_ node: Located, options: CSVOptions, path: String) -> [ScheduledOrder]? {
        guard let name = node.string(path) else { return nil }
        let csvPath = name.hasPrefix("/") ? name
            : (((scenarioFile as NSString).deletingLastPathComponent) as NSString).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: csvPath), let text = String(data: data, encoding: .utf8)
        else {
            let reason = FileManager.default.fileExists(atPath: csvPath) ? "cannot be read as UTF-8 text"
                : "does not exist"
            node.error("\(path): '\(name)' \(reason) (the path is relative to the scenario file's folder)")
            return nil
        }
        let csv = OrderCSV(file: csvPath, products: products, options: options)
        let (orders, problems) = csv.read(text)
        problems.forEach { node.report.add($0) }
        guard problems.isEmpty else { return nil }
        if orders.isEmpty {
            node.error("\(path): '\(name)' has no orders below its header")
            return nil
        }
        return Self.sortedByTime(orders)
    }

    /// Orders sorted by time; orders at the same time keep their order.
    static func sortedByTime(_ orders: [ScheduledOrder]) -> [ScheduledOrder] {
        orders.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
    }
}
