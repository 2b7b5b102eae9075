import TaktKernel

extension FactoryModel {
    /// Where an event happens, in the scenario's own names: "completion at station 'weld'
    /// (machine weld/1), operation 'seam' of product 'frame'". Used by error messages (a run
    /// that stopped making progress, a time that overflowed), never on the hot path.
    public func describe(_ event: FactoryEvent) -> String {
        switch event {
        case .orderArrival(let source):
            return "order arrival from source '\(configuration.orderSources[Int(source)].name)'"
        case .materialReceipt(let material, _):
            return "receipt of material '\(configuration.materials[Int(material)].name)'"
        case .completion(let m): return "completion \(machineAndWork(Int(m)))"
        case .failure(let m): return "failure \(machineAndWork(Int(m)))"
        case .repairDone(let m): return "end of repair \(machineAndWork(Int(m)))"
        case .sideJobDone(let member):
            return "side job of repair crew "
                + "'\(configuration.repairCrews[Int(reliability.crewMembers[Int(member)].crew)].name)'"
        case .maintenanceStart(let station, _):
            return "planned maintenance at station '\(configuration.stations[Int(station)].name)'"
        case .maintenanceEnd(let m): return "end of maintenance \(machineAndWork(Int(m)))"
        case .dispatch(let station): return "dispatching at station '\(configuration.stations[Int(station)].name)'"
        case .sample: return "time-series sample"
        case .shiftChange(let station): return "shift change at station '\(configuration.stations[Int(station)].name)'"
        case .workerShiftChange(let pool):
            return "shift change of worker pool '\(configuration.workerPools[Int(pool)].name)'"
        case .controllerReview(let shadow): return "review of the \(shadow ? "shadow " : "")maintenance controller"
        case .deploy: return "controller deployment"
        case .schedulingReview: return "review of the scheduling controller"
        case .transportArrival(let job, let link): return "job slot \(job) arrives by transport link \(link)"
        case .vehicleDelivered(let vehicle): return "vehicle \(vehicle) delivers its job"
        case .deploymentSettled: return "end of the deployment's transition"
        case .sensorReading(let sensor): return "reading of sensor '\(configuration.sensors[Int(sensor)].name)'"
        }
    }

    /// "at station 's' (machine s/k)", and the operation and product of the job it holds, if any.
    func machineAndWork(_ m: Int) -> String {
        let machine = fleet.machines[m]
        let station = configuration.stations[Int(machine.station)]
        var text = "at station '\(station.name)' (machine \(station.name)/\(machine.indexInStation))"
        if machine.heldCount > 0 {
            let job = flow.jobs[Int(fleet.held[m * fleet.maxBatch])]
            let product = configuration.products[Int(job.product)]
            if Int(job.operation) < product.routing.count {
                text += ", operation '\(product.routing[Int(job.operation)].name)' of product '\(product.name)'"
            } else {
                text += ", product '\(product.name)'"
            }
        }
        return text
    }
}
