import TaktKernel

extension FactoryModel {
    /// Takes the materials of the job's current operation from stock and reviews replenishment.
    mutating func consumeMaterials(for job: Int32, calendar: inout EventCalendar<FactoryEvent>) {
        let record = flow.jobs[Int(job)]
        let operation = configuration.products[Int(record.product)].routing[Int(record.operation)]
        for use in operation.consumes {
            guard case .material(let material) = use.item else { continue }
            stores.stock[material] -= use.quantity * Int(record.quantity)
            instrumentation.stockChanged(material: material, level: stores.stock[material], at: calendar.now)
            review(material: material, calendar: &calendar)
        }
    }

    /// Continuous review of the inventory position (on hand + on order).
    mutating func review(material: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let spec = configuration.materials[material]
        let position = stores.stock[material] + stores.onOrder[material]
        var quantity = 0
        if controllers.inventory != nil {
            quantity = askInventoryController(InventoryPosition(material: material, onHand: stores.stock[material],
                                                                onOrder: stores.onOrder[material],
                                                                time: calendar.now))
        } else {
            switch spec.policy {
            case .none: return
            case .minMax(let s, let S):
                if position <= s { quantity = S - position }
            case .reorderPoint(let r, let Q):
                var projected = position
                while projected <= r {
                    quantity += Q
                    projected += Q
                }
            }
        }
        guard quantity > 0 else { return }
        placeOrder(material: material, quantity: quantity, calendar: &calendar)
    }

    /// The inventory controller's answer (never negative).
    mutating func askInventoryController(_ inventory: InventoryPosition) -> Int {
        max(0, withController(\.inventory) { $0.reorder(inventory) } ?? 0)
    }

    /// Orders `quantity` of a material from its supplier.
    mutating func placeOrder(material: Int, quantity: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let spec = configuration.materials[material]
        stores.onOrder[material] += quantity
        instrumentation.replenishmentOrdered(material: material)
        if instrumentation.logsEvents { log(.materialOrdered, material: Int32(material), value: Double(quantity)) }
        let lead = spec.leadTime.sampleDuration(&stores.materialStreams[material])
        calendar.schedule(.materialReceipt(material: Int32(material), quantity: Int32(quantity)), after: lead)
    }

    mutating func receive(material: Int, quantity: Int, calendar: inout EventCalendar<FactoryEvent>) {
        stores.stock[material] += quantity
        stores.onOrder[material] -= quantity
        if instrumentation.logsEvents { log(.materialReceived, material: Int32(material), value: Double(quantity)) }
        instrumentation.stockChanged(material: material, level: stores.stock[material], at: calendar.now)
        for station in stores.materialStations[material] { requestDispatch(at: station, calendar: &calendar) }
    }

    /// Counts one shortage per waiting job and operation that cannot start for lack of material.
    mutating func countShortages(at station: Int) {
        for job in flow.queues[station] where !flow.jobs[Int(job)].shortageCounted {
            let record = flow.jobs[Int(job)]
            let operation = configuration.products[Int(record.product)].routing[Int(record.operation)]
            for use in operation.consumes {
                guard case .material(let material) = use.item,
                      stores.stock[material] < use.quantity * Int(record.quantity) else {
                    continue
                }
                instrumentation.stockout(material: material)
                flow.jobs[Int(job)].shortageCounted = true
                if instrumentation.logsEvents {
                    log(.stockout, job: job, station: Int32(station), material: Int32(material))
                }
                break
            }
        }
    }
}
