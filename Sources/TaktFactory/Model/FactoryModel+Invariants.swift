import TaktKernel

extension FactoryModel {
    /// Checks the model's structural invariants after an event: time never runs backwards, jobs
    /// are conserved and each live job is in exactly one place (a queue, an entry backlog, the
    /// CONWIP backlog or on one machine), machine states agree with the jobs they hold and their
    /// pending events, workers and crew members have at most one task and the machines they
    /// serve point back at them, stock is never negative, buffers hold no more than they may.
    /// A failure stops the run with a message that names the broken invariant and its values.
    ///
    /// Each component's checks live in its folder: `JobFlow/+FlowInvariants`,
    /// `Machines/+MachineInvariants`, `Workforce/+PeopleInvariants`, `Materials/+StockInvariants`,
    /// `Transport/+TransportInvariants`.
    /// Compiled only with `-DTAKT_INTERNAL_CHECKS`; otherwise an empty inlined call, so release
    /// runs are as fast as without it.
    @inline(__always)
    func _checkInvariants(previousTime: Double, calendar: borrowing EventCalendar<FactoryEvent>) {
        #if TAKT_INTERNAL_CHECKS
        let now = calendar.now
        precondition(now >= previousTime, "time ran backwards: event at \(now) after one at \(previousTime)")
        _checkJobConservation()
        _checkJobLocations(now: now)
        _checkMachines(calendar: calendar)
        _checkPeople()
        _checkStocksAndBuffers()
        _checkTransport()
        #endif
    }
}
