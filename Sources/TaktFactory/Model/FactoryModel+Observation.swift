extension FactoryModel {
    /// The plant's fixed, observable facts (see `PlantLayout`).
    public var layout: PlantLayout { observableLayout }

    /// What a controller may see now (see `PlantObservation`): built from observable state only.
    public func observation(at now: Double) -> PlantObservation {
        var atWork = Array(repeating: 0, count: configuration.workerPools.count)
        var free = atWork
        for worker in workers where worker.present && !worker.leaving {
            atWork[Int(worker.pool)] += 1
            if worker.task == .none { free[Int(worker.pool)] += 1 }
        }
        let sensorCount = configuration.sensors.count
        let routesCount = qualityTable.parameterOffset.count - 1
        return PlantObservation(
            now: now, layout: observableLayout, machineStates: machines.map(\.state), queueLengths: queues.map(\.count),
            latestReadings: machines.indices.map { m in (0..<sensorCount).map { latestReading[m * sensorCount + $0] } },
            latestReadingTimes: machines.indices.map { m in (0..<sensorCount).map { latestReadingTime[m * sensorCount + $0] } },
            operatingHours: machines.map { ($0.operatingSeconds + ($0.state == .busy ? now - $0.stateSince : 0)) / 3600 },
            failuresSeen: failuresSeen, workersAtWork: atWork, workersFree: free,
            setpoints: (0..<routesCount).map { Array(setpoints[qualityTable.parameterOffset[$0]..<qualityTable.parameterOffset[$0 + 1]]) },
            environment: configuration.environment.indices.map { environment.value($0, at: now) })
    }
}
