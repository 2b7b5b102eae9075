import TaktKernel

extension FactoryModel {
    /// A processing cycle ended: the hidden wear grows; past the threshold the machine fails now
    /// (its finished jobs still move on) and waits for a repair.
    mutating func accumulateWear(_ m: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let station = Int(machines[m].station)
        guard let wear = configuration.stations[station].wear else { return }
        var increment = wear.incrementPerCycle.sampleDuration(&machines[m].rngWear)
        if environment.affects(.wearRate, station: station) {
            increment *= environment.factor(.wearRate, station: station, at: calendar.now)
        }
        machines[m].wear += increment
        guard machines[m].wear >= wear.failureThreshold, machines[m].state != .down else { return }
        statistics.failures[station] += 1
        if logsEvents { log(.failure, machine: Int32(m), value: machines[m].wear) }
        machines[m].wornOut = true
        goDown(m, repairTime: wear.repairTime, crew: wear.crew, technician: wear.byTechnician, calendar: &calendar)
    }

    /// A sensor reads every machine of its station: observable readings, and the hidden wear
    /// beside them as truth (recorded apart, never handed to a controller).
    mutating func readSensor(_ index: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let sensor = configuration.sensors[index]
        let now = calendar.now
        for m in stationFirstMachine[sensor.station]..<stationFirstMachine[sensor.station + 1] {
            let noise = sensor.noiseSD > 0 ? Distribution.normal(mean: 0, sd: sensor.noiseSD).sample(&sensorStreams[index]) : 0
            let missing = sensor.missingProbability > 0 && sensorStreams[index].nextUnit() < sensor.missingProbability
            let value = missing ? Double.nan
                : sensor.offset + sensor.gain * machines[m].wear + sensor.driftPerHour * now / 3600 + noise
            if recording.sensors {
                records.sensors.append(SensorReading(time: now, machine: Int32(m), sensor: Int32(index), value: value))
                records.truth.append(WearTruth(time: now, machine: Int32(m), wear: machines[m].wear))
            }
        }
        if !calendar.isEmpty { calendar.schedule(.sensorReading(sensor: Int32(index)), after: sensor.interval, priority: 2) }
    }
}
