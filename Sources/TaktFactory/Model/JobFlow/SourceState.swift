import TaktKernel

/// The state of one order source: its random streams and how far it has got.
struct SourceState {
    let spec: OrderSourceSpec
    var interarrival: Xoshiro256StarStar
    var mix: Xoshiro256StarStar
    var quantity: Xoshiro256StarStar
    var due: Xoshiro256StarStar
    let mixTable: Distribution
    var generated = 0
    var nextRow = 0

    init(_ spec: OrderSourceSpec, streams: RandomStreams) {
        self.spec = spec
        let entity = "orders/\(spec.name)"
        interarrival = streams.stream(entity: entity, purpose: "interarrival")
        mix = streams.stream(entity: entity, purpose: "mix")
        quantity = streams.stream(entity: entity, purpose: "quantity")
        due = streams.stream(entity: entity, purpose: "due")
        let products = spec.mix.map { Double($0.product) }
        mixTable = products.isEmpty ? .constant(0)
            : .discrete(DiscreteTable(values: products, weights: spec.mix.map(\.weight)))
    }

    /// Schedules the first arrival; false if the source produces nothing.
    mutating func scheduleFirst(_ calendar: inout EventCalendar<FactoryEvent>, source: Int32) -> Bool {
        scheduleNext(&calendar, source: source)
    }

    /// Schedules the next arrival if the source has one; false when exhausted.
    mutating func scheduleNext(_ calendar: inout EventCalendar<FactoryEvent>, source: Int32) -> Bool {
        switch spec.arrivals {
        case .renewal(let law, let count, let until):
            if let count, generated >= count { return false }
            let time = calendar.now + law.sampleDuration(&interarrival)
            if let until, time > until { return false }
            calendar.schedule(.orderArrival(source: source), at: time)
            return true
        case .schedule(let rows):
            guard nextRow < rows.count else { return false }
            calendar.schedule(.orderArrival(source: source), at: max(calendar.now, rows[nextRow].time))
            return true
        }
    }

    /// The order arriving now: product, quantity, due date and priority.
    mutating func nextOrder(now: Double, routes: RouteTable)
        -> (product: Int, quantity: Int, due: Double, priority: Int) {
        generated += 1
        switch spec.arrivals {
        case .schedule(let rows):
            let row = rows[nextRow]
            nextRow += 1
            return (row.product, max(1, row.quantity), row.due ?? .infinity, row.priority)
        case .renewal:
            let product = spec.mix.count == 1 ? spec.mix[0].product : Int(mixTable.sample(&mix))
            let quantity: Int
            if case .constant(let value) = spec.quantity {
                quantity = max(1, Int(value.rounded()))
            } else {
                quantity = max(1, Int(spec.quantity.sample(&self.quantity).rounded()))
            }
            let dueDate: Double
            switch spec.due {
            case .none: dueDate = .infinity
            case .leadTime(let law): dueDate = now + law.sampleDuration(&due)
            case .totalWork(let factor): dueDate = now + factor * routes.totalWork(product: product) * Double(quantity)
            }
            return (product, quantity, dueDate, spec.priority)
        }
    }
}
