extension FactoryModel {
    /// The plant's fixed, observable facts (see `PlantLayout`).
    public var layout: PlantLayout { control.observableLayout }

    /// What a controller may see now (see `PlantObservation`): built from observable state only.
    public func observation(at now: Double) -> PlantObservation {
        var atWork = Array(repeating: 0, count: configuration.workerPools.count)
        var free = atWork
        for worker in workforce.workers where worker.present && !worker.leaving {
            atWork[Int(worker.pool)] += 1
            if worker.task == .none { free[Int(worker.pool)] += 1 }
        }
        let sensorCount = configuration.sensors.count
        let routesCount = qualitySystem.qualityTable.parameterOffset.count - 1
        return PlantObservation(
            now: now, layout: control.observableLayout, machineStates: fleet.machines.map(\.state),
            queueLengths: flow.queues.map(\.count),
            latestReadings: fleet.machines.indices.map { m in
                (0..<sensorCount).map { reliability.latestReading[m * sensorCount + $0] }
            },
            latestReadingTimes: fleet.machines.indices.map { m in
                (0..<sensorCount).map { reliability.latestReadingTime[m * sensorCount + $0] }
            },
            operatingHours: fleet.machines.map {
                ($0.operatingSeconds + ($0.state == .busy ? now - $0.stateSince : 0)) / 3600
            },
            failuresSeen: reliability.failuresSeen, workersAtWork: atWork, workersFree: free,
            setpoints: (0..<routesCount).map {
                Array(qualitySystem.setpoints[qualitySystem.qualityTable.parameterOffset[$0]
                                              ..< qualitySystem.qualityTable.parameterOffset[$0 + 1]])
            },
            environment: configuration.environment.indices.map { environment.value($0, at: now) })
    }
}
