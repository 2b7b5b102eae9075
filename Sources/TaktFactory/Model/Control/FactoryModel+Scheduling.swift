import TaktKernel

extension FactoryModel {
    /// Offers a station to the scheduling controllers: the shadow decides first and its choice
    /// is only logged (and compared with the active one's); the active one's starts are returned.
    mutating func askSchedulers(at station: Int, shop: ShopObservation) -> [Assignment] {
        let shadowChoice = withController(\.shadowScheduling) { $0.dispatch(at: station, shop: shop) }
        let assignments = withController(\.scheduling) { $0.dispatch(at: station, shop: shop) } ?? []
        control.schedulingOffers += 1
        if assignments.isEmpty { control.schedulingHeld += 1 }
        if let shadowChoice {
            control.shadowOffers += 1
            if shadowChoice.first == assignments.first { control.shadowAgreements += 1 }
            if instrumentation.logsEvents, let first = shadowChoice.first {
                let slot = queuePosition(of: first.job, at: station).map { flow.queues[station][$0] } ?? -1
                log(.shadowDispatch, job: slot, machine: Int32(truncatingIfNeeded: first.machine),
                    station: Int32(station), value: Double(first.job))
            }
        }
        return assignments
    }

    /// Starts the active scheduler asked for that could not be made.
    mutating func schedulerStartsRejected(_ count: Int) {
        control.schedulingRejected += count
    }

    /// Hands a shop event to the scheduling controllers that follow events.
    mutating func notifySchedulers(_ event: ShopEvent, calendar: inout EventCalendar<FactoryEvent>) {
        guard control.schedules else { return }
        let follows = (controllers.scheduling?.observesEvents ?? false)
            || (controllers.shadowScheduling?.observesEvents ?? false)
        guard follows else { return }
        let shop = shopObservation(at: calendar.now)
        if controllers.scheduling?.observesEvents == true {
            _ = withController(\.scheduling) { $0.observe(event, shop: shop) }
        }
        if controllers.shadowScheduling?.observesEvents == true {
            _ = withController(\.shadowScheduling) { $0.observe(event, shop: shop) }
        }
        scheduleSchedulingReview(calendar: &calendar)
    }

    /// The active scheduler's review time has come: every station with free machines and work
    /// waiting is offered to it.
    mutating func schedulingReview(calendar: inout EventCalendar<FactoryEvent>) {
        control.schedulingReviewEvent = nil
        control.lastSchedulingReview = calendar.now
        for station in flow.queues.indices where !stationTable.isBatch[station] && !flow.queues[station].isEmpty {
            dispatch(at: station, calendar: &calendar)
        }
        scheduleSchedulingReview(calendar: &calendar)
    }

    /// Keeps one pending review event for the active scheduler, at the time it asks for (at most
    /// one review per instant: a time not after the last review is ignored).
    mutating func scheduleSchedulingReview(calendar: inout EventCalendar<FactoryEvent>) {
        guard control.schedules else { return }
        var wanted = controllers.scheduling?.nextReview
        if let time = wanted, time <= control.lastSchedulingReview { wanted = nil }
        let pending = control.schedulingReviewEvent.flatMap { calendar.time(of: $0) }
        guard wanted.map({ max($0, calendar.now) }) != pending else { return }
        if let event = control.schedulingReviewEvent { calendar.cancel(event) }
        control.schedulingReviewEvent = wanted.map { calendar.schedule(.schedulingReview, at: max($0, calendar.now),
                                                                       priority: 2) }
    }

    /// The seam's own figures (`scheduling.*`, and `shadow.scheduling.*` with a shadow).
    var schedulingMetrics: [(prefix: String, metrics: [ControllerMetric])] {
        guard control.schedules else { return [] }
        var result = [("scheduling", [
            ControllerMetric("offers", "Stations offered to the scheduler", value: Double(control.schedulingOffers)),
            ControllerMetric("held", "Offers answered with no start (work held back)",
                             value: Double(control.schedulingHeld)),
            ControllerMetric("rejected", "Starts asked for that could not be made",
                             value: Double(control.schedulingRejected)),
        ])]
        if control.shadowOffers > 0 {
            let share = 100 * Double(control.shadowAgreements) / Double(control.shadowOffers)
            result.append(("shadow.scheduling", [
                ControllerMetric("agreement", "Offers where the shadow's first start was the active one's",
                                 unit: "%", value: share),
            ]))
        }
        return result
    }
}
