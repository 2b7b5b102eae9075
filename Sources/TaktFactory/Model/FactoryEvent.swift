/// The factory model's events: small values carrying integer indices.
public enum FactoryEvent: Equatable, Sendable {
    /// An order source produces its next order.
    case orderArrival(source: Int32)
    /// A replenishment order of a material is received.
    case materialReceipt(material: Int32, quantity: Int32)
    /// A machine ends its setup or its step (load + processing + unload).
    case completion(machine: Int32)
    /// A machine fails.
    case failure(machine: Int32)
    /// A repair ends.
    case repairDone(machine: Int32)
    /// A crew member's side job ends.
    case sideJobDone(member: Int32)
    /// A planned maintenance window opens for every machine of a station.
    case maintenanceStart(station: Int32, window: Int32)
    /// A machine's maintenance ends.
    case maintenanceEnd(machine: Int32)
    /// Dispatching at a station, deferred until every event of the current instant has run
    /// (non-delay dispatch with full information), or a batch's maximum wait has passed.
    case dispatch(station: Int32)
    /// Time-series sample of levels (when recording asks for one).
    case sample
    /// A station's working time starts or ends.
    case shiftChange(station: Int32)
    /// A worker pool's working time starts or ends.
    case workerShiftChange(pool: Int32)
    /// A maintenance controller (active or shadow) asked to be woken now.
    case controllerReview(shadow: Bool)
    /// The scheduling controller asked to be offered every station now.
    case schedulingReview
    /// A job arrives by a delay or conveyor link.
    case transportArrival(job: Int32, link: Int32)
    /// A vehicle delivers the job it carries.
    case vehicleDelivered(vehicle: Int32)
    /// Deployment time: shadow controllers become active.
    case deploy
    /// The deployment's transition window ends: statistics restart.
    case deploymentSettled
    /// A sensor reads every machine of its station.
    case sensorReading(sensor: Int32)
}
