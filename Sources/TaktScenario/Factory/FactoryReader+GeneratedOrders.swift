import TaktFactory
import TaktKernel

extension FactoryReader {
    /// A source that generates orders: a renewal process (`interarrival:`, or `rate:` for
    /// Poisson), what is ordered (`mix:` or `product:`), how many, due dates and priority.
    func readGeneratedOrders(_ source: MappingReader, at node: Located, path: String, name: String,
                             runIsBounded: Bool) -> OrderSourceSpec? {
        let interarrival = readInterarrival(source, path: path)
        let count = source.optional("count")?.integer("\(path).count", in: 1...Int.max)
        let until = source.optional("until")?.duration("\(path).until", allowZero: false)
        let mix = readMix(source, at: node, path: path)
        let quantityNode = source.optional("quantity")
        let quantity = quantityNode?.distribution("\(path).quantity", isDuration: false)
        if let quantity, let quantityNode, !quantity.isNonNegative {
            quantityNode.error("\(path).quantity cannot be negative")
        } else if let quantity, let quantityNode, quantity.sampleBound > Double(InputLimits.largestQuantity) {
            quantityNode.error("\(path).quantity can draw more than \(InputLimits.largestQuantity) units, the most one "
                + "order may hold; see docs/limits.md")
        }
        let due = readDueDateRule(source, path: path)
        let priority = source.optional("priority")?
            .integer("\(path).priority", in: -InputLimits.largestPriority...InputLimits.largestPriority) ?? 0
        let bounded = source.contains("count") || source.contains("until")
        if !runIsBounded && !bounded {
            node.error("\(path) generates orders without end and the run has no end either; give run.duration, "
                           + "stop_after_jobs, or a 'count' or 'until' on this source")
        }
        guard let interarrival, let mix, let due else { return nil }
        return OrderSourceSpec(name: name, arrivals: .renewal(interarrival: interarrival, count: count, until: until),
                               mix: mix, quantity: quantity ?? .constant(1), due: due, priority: priority)
    }

    /// `interarrival: "exponential(mean: 10 min)"` or `rate: 6 /h` (Poisson).
    func readInterarrival(_ source: MappingReader, path: String) -> Distribution? {
        if let rateNode = source.optional("rate") {
            guard let text = rateNode.string("\(path).rate") else { return nil }
            switch Quantity.parseRate(text) {
            case .success(let rate) where rate > 0:
                return .exponential(mean: 1 / rate)
            case .success:
                rateNode.error("\(path).rate must be positive, found '\(text)'")
            case .failure(let problem):
                rateNode.error("\(path).rate: \(problem.message)")
            }
            return nil
        }
        guard let node = source.optional("interarrival"), let law = node.distribution("\(path).interarrival")
        else { return nil }
        guard law.mean >= InputLimits.shortestInterval else {
            node.error("\(path).interarrival must have a mean of at least 1 µs (a positive mean; the fastest "
                           + "arrivals Takt "
                + "simulates are one per microsecond), found \(law.mean) s")
            return nil
        }
        return law
    }

    /// `mix: {widget: 3, gadget: 1}` (weights) or `product: widget`.
    func readMix(_ source: MappingReader, at node: Located, path: String) -> [(product: Int, weight: Double)]? {
        switch (source.optional("product"), source.optional("mix")) {
        case (_?, _?):
            source.keyNode("product")?.error("\(path) has both 'mix' and 'product'; write 'product: widget' for one "
                                                 + "product, or 'mix: {widget: 3, gadget: 1}'")
            return nil
        case (nil, nil):
            node.error("\(path) is missing what is ordered: 'product: widget', or 'mix: {widget: 3, "
                           + "gadget: 1}' (weights)")
            return nil
        case (let single?, nil):
            return products.resolve(single, what: "\(path).product").map { [($0, 1)] }
        case (nil, let mixNode?):
            guard let mix = mixNode.mapping("\(path).mix") else { return nil }
            if mix.isEmpty {
                mixNode.error("\(path).mix is empty; give at least one product with its weight")
                return nil
            }
            let entries = mix.namedEntries.compactMap { entry -> (product: Int, weight: Double)? in
                let product = products.resolve(entry.key, what: "\(path).mix")
                let weight = entry.value.number("\(path).mix.\(entry.name)", in: 0 ... .infinity)
                guard let product, let weight else { return nil }
                if weight == 0 { entry.value.error("\(path).mix.\(entry.name) must be a positive weight, found 0") }
                return (product, weight)
            }
            return entries.count == mix.namedEntries.count ? entries : nil
        }
    }

    /// `due: 2 d` (a quoted lead time, possibly random), `due_factor: 3` (total work rule), or none.
    func readDueDateRule(_ source: MappingReader, path: String) -> DueDateRule? {
        switch (source.optional("due"), source.optional("due_factor")) {
        case (_?, _?):
            source.keyNode("due_factor")?.error("\(path) has both 'due' and 'due_factor'; keep one")
            return nil
        case (let lead?, nil):
            return lead.distribution("\(path).due").map { .leadTime($0) }
        case (nil, let factor?):
            guard let value = factor.number("\(path).due_factor", in: 0 ... .infinity) else { return nil }
            if value == 0 {
                factor.error("\(path).due_factor must be positive, found 0")
                return nil
            }
            return .totalWork(factor: value)
        case (nil, nil):
            return DueDateRule.none
        }
    }
}
