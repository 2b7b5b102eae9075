import TaktKernel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FactoryModel {
    /// A processing cycle ended: the hidden wear grows; past the threshold the machine fails now
    /// (its finished jobs still move on) and waits for a repair.
    mutating func accumulateWear(_ m: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let station = Int(fleet.machines[m].station)
        guard let wear = configuration.stations[station].wear else { return }
        // before the potential-failure point the machine runs without degrading
        var degradingShare = 1.0
        if reliability.health[m].onsetLeft > 0 {
            let step = fleet.machines[m].stepLength
            guard step >= reliability.health[m].onsetLeft else {
                reliability.health[m].onsetLeft -= step
                return
            }
            degradingShare = step > 0 ? (step - reliability.health[m].onsetLeft) / step : 1
            reliability.health[m].degradingSince = calendar.now - (step - reliability.health[m].onsetLeft)
            reliability.health[m].onsetLeft = 0
        }
        var increment: Double
        if wear.perOperatingHour {
            let hours = degradingShare * fleet.machines[m].stepLength / 3600
            if case .gamma(let shape, let scale) = wear.incrementPerCycle {
                increment = hours > 0
                    ? Distribution.gamma(shape: shape * hours, scale: scale).sample(&reliability.health[m].rngWear) : 0
            } else {
                increment = hours * wear.incrementPerCycle.sampleDuration(&reliability.health[m].rngWear)
            }
        } else {
            increment = degradingShare * wear.incrementPerCycle.sampleDuration(&reliability.health[m].rngWear)
        }
        increment *= reliability.health[m].recipeWearFactor
        reliability.health[m].recipeWearFactor = 1
        if environment.affects(.wearRate, station: station) {
            increment *= environment.factor(.wearRate, station: station, at: calendar.now)
        }
        reliability.health[m].wear += increment
        let level = wear.hazard == nil ? wear.failureThreshold : reliability.health[m].failureLevel
        guard reliability.health[m].wear >= level, fleet.machines[m].state != .down else { return }
        instrumentation.machineFailed(station: station)
        instrumentation.warningsSeeFailure(of: m, at: calendar.now,
                                           degradingSince: reliability.health[m].degradingSince, wornOut: true)
        reliability.failuresSeen[m] += 1
        // the event log is what a plant could log: a failure, not the hidden wear it reached
        if instrumentation.logsEvents { log(.failure, machine: Int32(m)) }
        reliability.health[m].wornOut = true
        goDown(m, repairTime: wear.repairTime, crew: wear.crew, technician: wear.byTechnician, calendar: &calendar)
        if hasMaintenanceController {
            notifyMaintenanceControllers(.failure(machine: m, time: calendar.now), calendar: &calendar)
        }
        if control.schedules { notifySchedulers(.failed(machine: m, time: calendar.now), calendar: &calendar) }
    }

    /// A renewal (the start, a repair after a wear failure, a maintenance) has restored some of
    /// the wear: the level of the next failure is drawn afresh and, if no wear is left and the
    /// station has a warning period, so is the operating time to the next potential failure.
    mutating func renewWear(_ m: Int) {
        drawFailureLevel(m)
        guard let onset = configuration.stations[Int(fleet.machines[m].station)].wear?.onset else { return }
        if reliability.health[m].wear > 0 { return }   // a partial restore: the degradation goes on
        reliability.health[m].onsetLeft = max(0, onset.sampleDuration(&reliability.health[m].rngOnset))
        reliability.health[m].degradingSince = .nan
    }

    /// Hazard-based wear: draws the wear level of the next failure given the wear now, from
    /// P(L > l | L > w) = exp(−((l/η)^β − (w/η)^β)).
    mutating func drawFailureLevel(_ m: Int) {
        guard let hazard = configuration.stations[Int(fleet.machines[m].station)].wear?.hazard else { return }
        let u = 1 - reliability.health[m].rngWearFailure.nextUnit()   // in (0, 1]
        let base = pow(max(0, reliability.health[m].wear) / hazard.scale, hazard.shape)
        reliability.health[m].failureLevel = hazard.scale * pow(base - naturalLog(u), 1 / hazard.shape)
    }

    /// A sensor reads every machine of its station: observable readings, and the hidden wear
    /// beside them as truth (recorded apart, never handed to a controller).
    mutating func readSensor(_ index: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let sensor = configuration.sensors[index]
        let now = calendar.now
        for m in fleet.machines(of: sensor.station) {
            let noise = sensor.noiseSD > 0
                ? Distribution.normal(mean: 0, sd: sensor.noiseSD).sample(&reliability.sensorStreams[index]) : 0
            let missing = sensor.missingProbability > 0
                && reliability.sensorStreams[index].nextUnit() < sensor.missingProbability
            let value = missing ? Double.nan
                : sensor.offset + sensor.gain * reliability.health[m].wear + sensor.driftPerHour * now / 3600 + noise
            if !missing {
                reliability.latestReading[m * configuration.sensors.count + index] = value
                reliability.latestReadingTime[m * configuration.sensors.count + index] = now
            }
            if hasMaintenanceController {
                notifyMaintenanceControllers(.reading(SensorReading(time: now, machine: Int32(m), sensor: Int32(index),
                                                                    value: value)),
                                             calendar: &calendar)
            }
            instrumentation.sensorRead(SensorReading(time: now, machine: Int32(m), sensor: Int32(index), value: value),
                                       trueWear: reliability.health[m].wear)
        }
        if !calendar.isEmpty {
            calendar.schedule(.sensorReading(sensor: Int32(index)), after: sensor.interval, priority: 2)
        }
    }
}

/// libc's natural logarithm (inside the model, `log` names the event logger).
@inline(__always)
private func naturalLog(_ x: Double) -> Double { log(x) }
