import TaktKernel

/// The controllers plugged into the plant (dispatching, routing, maintenance, quality,
/// inventory; active and shadow), their pending reviews, and the observable layout they are
/// shown.
///
/// The mechanisms are in this folder (`FactoryModel+Control`, `+Observation`).
struct ControlRoom {
    /// Controllers kept out of line: a struct holding protocol existentials is address-only, and
    /// storing one inline made the compiler copy the whole model in hot paths (4× slower;
    /// docs/performance.md).
    var controllerStorage: ContiguousArray<Controllers>
    /// Pending review events of the active and the shadow maintenance controller.
    var reviewEvents: [EventID?] = [nil, nil]
    /// Custom dispatching per station (nil: the station's rule).
    let dispatchPolicies: [(any DispatchPolicy)?]
    let hasDispatchPolicy: [Bool]
    /// The layout handed out in observations (built once).
    let observableLayout: PlantLayout

    init(_ configuration: FactoryConfiguration, controllers: Controllers, dispatchPolicies: [Int: any DispatchPolicy],
         firstMachine: [Int]) {
        controllerStorage = [controllers]
        self.dispatchPolicies = configuration.stations.indices.map { dispatchPolicies[$0] }
        hasDispatchPolicy = configuration.stations.indices.map { dispatchPolicies[$0] != nil }
        observableLayout = PlantLayout(configuration, firstMachine: firstMachine)
    }
}
