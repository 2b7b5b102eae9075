import TaktKernel

// The stores' and buffers' invariants: stock never negative, buffers within their capacity.
// Compiled only with -DTAKT_INTERNAL_CHECKS; called from `_checkInvariants` after every event.
#if TAKT_INTERNAL_CHECKS
extension FactoryModel {
    /// Stock and open orders are never negative; a buffer holds at most its capacity, plus jobs
    /// its own machines sent back for rework in place (at most one batch per machine).
    func _checkStocksAndBuffers() {
        for material in stores.stock.indices {
            precondition(stores.stock[material] >= 0,
                         "material \(material) ('\(configuration.materials[material].name)'): stock "
                         + "\(stores.stock[material])")
            precondition(stores.onOrder[material] >= 0, "material \(material): on order \(stores.onOrder[material])")
        }
        for station in flow.queues.indices {
            let capacity = stationTable.capacity[station]
            guard capacity < Int.max else { continue }
            let machineCount = fleet.stationFirstMachine[station + 1] - fleet.stationFirstMachine[station]
            precondition(flow.queues[station].count <= capacity + machineCount * fleet.maxBatch,
                         "station \(station) buffer holds \(flow.queues[station].count), capacity \(capacity) (+ "
                             + "\(machineCount * fleet.maxBatch) rework in place)")
            // room counts the places reserved by jobs on their way; the first blocked machine may
            // be waiting for a place on a full conveyor into this station rather than for room
            var waitsForConveyor = false
            if transport.isActive, flow.blockedMachines[station].count > 0 {
                let m = Int(flow.blockedMachines[station][0])
                if let link = transport.link(from: Int(fleet.machines[m].station), to: station) {
                    waitsForConveyor = !canBoard(link)
                }
            }
            if !flow.dispatchPending[station] && hasRoom(station) && !waitsForConveyor {
                precondition(flow.entryBacklog[station].isEmpty && flow.blockedMachines[station].isEmpty,
                             "station \(station) has room (\(flow.queues[station].count) of \(capacity)) while "
                                 + "\(flow.entryBacklog[station].count) "
                             + "arrivals and \(flow.blockedMachines[station].count) blocked machines wait for it")
            }
        }
    }
}
#endif
