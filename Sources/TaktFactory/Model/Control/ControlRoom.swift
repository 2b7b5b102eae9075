import TaktKernel

/// The controllers plugged into the plant (scheduling, routing, maintenance, quality,
/// inventory; active and shadow), their pending reviews, the seam's own counts, and the
/// observable layout they are shown.
///
/// The mechanisms are in this folder (`FactoryModel+Control`, `+Observation`, `+Scheduling`,
/// `+ShopObservation`).
struct ControlRoom {
    /// Controllers kept out of line: a struct holding protocol existentials is address-only, and
    /// storing one inline made the compiler copy the whole model in hot paths (4× slower;
    /// docs/performance.md).
    var controllerStorage: ContiguousArray<Controllers>
    /// Pending review events of the active and the shadow maintenance controller.
    var reviewEvents: [EventID?] = [nil, nil]
    /// Is a scheduling controller (active or shadow) plugged in? Kept in step with the controllers
    /// (a deployment swaps them): the inline dispatching path reads it on every dispatch.
    var schedules = false
    /// The pending review of the active scheduling controller.
    var schedulingReviewEvent: EventID?
    var lastSchedulingReview = -Double.infinity
    /// What the seam did: offers made to the active scheduler, starts it asked for that could
    /// not be made, offers it answered with nothing while machines were free (work held back).
    var schedulingOffers = 0
    var schedulingRejected = 0
    var schedulingHeld = 0
    /// Offers made to the shadow scheduler, and how often its first start was the active one's.
    var shadowOffers = 0
    var shadowAgreements = 0
    /// The layout handed out in observations (built once).
    let observableLayout: PlantLayout

    init(_ configuration: FactoryConfiguration, controllers: Controllers, firstMachine: [Int], routes: RouteTable) {
        controllerStorage = [controllers]
        schedules = controllers.scheduling != nil || controllers.shadowScheduling != nil
        observableLayout = PlantLayout(configuration, firstMachine: firstMachine, routes: routes)
    }
}
