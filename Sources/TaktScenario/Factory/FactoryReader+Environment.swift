import Foundation
import TaktFactory

extension FactoryReader {
    /// `environment: {temperature: {daily: {mean: 22, amplitude: 6, peak: "15:00", noise: 0.5}},
    /// price: {constant: 0.12}, humidity: {piecewise: [{from: 0 s, value: 40}, {from: 2 d, value: 60}]}}`.
    func readEnvironment(_ node: Located?) -> [EnvironmentVariable] {
        guard let node, let mapping = node.mapping("environment") else { return [] }
        return mapping.namedEntries.compactMap { entry in
            let path = "environment.\(entry.name)"
            guard let fields = entry.value.mapping(path) else { return nil }
            var profile: EnvironmentProfile?
            if let constant = fields.optional("constant") {
                profile = constant.number("\(path).constant").map { .constant($0) }
            } else if let weekly = fields.optional("weekly") {
                profile = readCycles(weekly: weekly, daily: fields.optional("daily"), path: path)
            } else if let daily = fields.optional("daily"), let cycle = daily.mapping("\(path).daily") {
                let mean = cycle.required("mean", expected: "the daily mean, e.g. 22")?.number("\(path).daily.mean")
                let amplitude = cycle.optional("amplitude")?.number("\(path).daily.amplitude") ?? 0
                let peak = cycle.optional("peak").flatMap { Self.clock($0, "\(path).daily.peak") } ?? 15 * 3600
                let noise = cycle.optional("noise")?.number("\(path).daily.noise",
                                                            in: 0...Double.greatestFiniteMagnitude) ?? 0
                cycle.finish()
                if let mean {
                    profile = .daily(mean: mean, amplitude: amplitude, peakSecondOfDay: peak, noiseSD: noise)
                }
            } else if let steps = fields.optional("piecewise")?.sequence("\(path).piecewise") {
                var times: [Double] = [], values: [Double] = []
                for (offset, step) in steps.enumerated() {
                    let stepPath = "\(path).piecewise[\(offset + 1)]"
                    guard let point = step.mapping(stepPath) else { continue }
                    let from = point.required("from",
                                              expected: "when the value "
                                                  + "starts, e.g. '2 d'")?.duration("\(stepPath).from")
                    let value = point.required("value", expected: "a number")?.number("\(stepPath).value")
                    point.finish()
                    if let from, let value {
                        if let last = times.last, from <= last {
                            step.error("\(stepPath).from must come after the previous step")
                        }
                        times.append(from)
                        values.append(value)
                    }
                }
                if !values.isEmpty { profile = .piecewise(times: times, values: values) }
            } else if let csv = fields.optional("csv") {
                let column = fields.optional("column")?.string("\(path).column") ?? entry.name
                let options = readCSVOptions(fields, path: path)
                profile = readEnvironmentFile(csv, column: column, options: options, path: "\(path).csv")
            } else {
                entry.value.error("\(path) needs a profile: 'constant', 'daily', 'weekly' (with or without 'daily'), "
                                      + "'piecewise' or 'csv'")
            }
            fields.finish()
            return profile.map { EnvironmentVariable(name: entry.name, profile: $0) }
        }
    }

    /// `weekly: {amplitude: 3, peak_day: wed, peak: "14:00"}` with an optional `daily: {mean: 22,
    /// amplitude: 5, peak: "15:00", noise: 0.5}` (mean and noise may sit in either; default 0).
    func readCycles(weekly: Located, daily: Located?, path: String) -> EnvironmentProfile? {
        guard let week = weekly.mapping("\(path).weekly") else { return nil }
        let day = daily?.mapping("\(path).daily")
        let mean = (day?.optional("mean") ?? week.optional("mean"))?.number("\(path).mean") ?? 0
        let noise = (day?.optional("noise") ?? week.optional("noise"))?.number("\(path).noise",
                                                                               in: 0 ... .greatestFiniteMagnitude) ?? 0
        let dailyAmplitude = day?.optional("amplitude")?.number("\(path).daily.amplitude") ?? 0
        let dailyPeak = day?.optional("peak").flatMap { Self.clock($0, "\(path).daily.peak") } ?? 15 * 3600
        let weeklyAmplitude = week.required("amplitude",
                                            expected: "the weekly swing, e.g. 3")?.number("\(path).weekly.amplitude")
                                                ?? 0
        var weeklyPeak = week.optional("peak").flatMap { Self.clock($0, "\(path).weekly.peak") } ?? 12 * 3600
        if let dayNode = week.optional("peak_day") {
            if let name = dayNode.string("\(path).weekly.peak_day"),
               let index = Self.dayNames.firstIndex(of: name.lowercased()) {
                weeklyPeak += Double(index) * 86_400
            } else {
                dayNode.error("\(path).weekly.peak_day: expected one of \(Self.dayNames.joined(separator: ", "))")
            }
        } else {
            weeklyPeak += 2 * 86_400
        }
        day?.finish()
        week.finish()
        return .cycles(mean: mean, dailyAmplitude: dailyAmplitude, dailyPeak: dailyPeak,
                       weeklyAmplitude: weeklyAmplitude,
                       weeklyPeak: weeklyPeak, noiseSD: noise)
    }

    /// `csv: weather.csv` (relative to the scenario file's folder) with `column: temperature`
    /// (default: the variable's name), and the `delimiter` and `start` declared beside it: a step
    /// profile from a measured series.
    func readEnvironmentFile(_ node: Located, column: String, options: CSVOptions,
                             path: String) -> EnvironmentProfile? {
        guard let name = node.string(path) else { return nil }
        let csvPath = name.hasPrefix("/") ? name
            : (((scenarioFile as NSString).deletingLastPathComponent) as NSString).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: csvPath), let text = String(data: data, encoding: .utf8)
        else {
            let reason = FileManager.default.fileExists(atPath: csvPath) ? "cannot be read as UTF-8 text"
                : "does not exist"
            node.error("\(path): '\(name)' \(reason) (the path is relative to the scenario file's folder)")
            return nil
        }
        let (times, values, problems) = EnvironmentCSV(file: csvPath, column: column, options: options).read(text)
        problems.forEach { node.report.add($0) }
        return problems.isEmpty ? .piecewise(times: times, values: values) : nil
    }

    /// `effects: [{variable: temperature, affects: process_time, stations: [weld], linear: {reference: 20,
    /// per_unit: 0.01}}]` or `exponential: {reference: 20, rate: 0.05}`; `affects` is process_time, wear_rate,
    /// failure_rate or defect_probability.
    func readEffects(_ node: Located?, variables: [EnvironmentVariable]) -> [EnvironmentEffect] {
        guard let node, let items = node.sequence("effects") else { return [] }
        let variableNames = NameTable(kind: "environment variable", plural: "environment variables",
                                      names: variables.map(\.name),
                                      howToDefine: "define it under 'environment:'")
        return items.enumerated().compactMap { offset, item in
            let path = "effects[\(offset + 1)]"
            guard let fields = item.mapping(path) else { return nil }
            let variable = fields.required("variable", expected: "an environment variable")
                                               .flatMap { variableNames.resolve($0, what: "\(path).variable") }
            let target = fields.required("affects",
                                         expected: "process_time, wear_rate, failure_rate or "
                                             + "defect_probability")?.choice("\(path).affects", among: [
                "process_time": EffectTarget.processTime, "wear_rate": EffectTarget.wearRate,
                "failure_rate": EffectTarget.failureRate,
                "defect_probability": EffectTarget.defectProbability])
            let stationNodes = fields.required("stations",
                                               expected: "the stations "
                                                   + "affected, e.g. [weld]")?.sequence("\(path).stations") ?? []
            let stationIndices = stationNodes.compactMap { stations.resolve($0, what: "\(path).stations") }
            var function: EffectFunction?
            if let linear = fields.optional("linear")?.mapping("\(path).linear") {
                let reference = linear.required("reference",
                                                expected: "the value "
                                                    + "with no effect")?.number("\(path).linear.reference")
                let slope = linear.required("per_unit",
                                            expected: "the relative change per "
                                                + "unit, e.g. 0.01")?.number("\(path).linear.per_unit")
                linear.finish()
                if let reference, let slope { function = .linear(reference: reference, slope: slope) }
            } else if let exponential = fields.optional("exponential")?.mapping("\(path).exponential") {
                let reference = exponential.required("reference",
                                                     expected: "the value "
                                                         + "with no effect")?.number("\(path).exponential.reference")
                let rate = exponential.required("rate",
                                                expected: "the log-change per "
                                                    + "unit, e.g. 0.05")?.number("\(path).exponential.rate")
                exponential.finish()
                if let reference, let rate { function = .exponential(reference: reference, rate: rate) }
            } else {
                item.error("\(path) needs a function: 'linear: {reference, per_unit}' or 'exponential: "
                               + "{reference, rate}'")
            }
            fields.finish()
            guard let variable, let target, let function, !stationIndices.isEmpty else { return nil }
            return EnvironmentEffect(variable: variable, target: target, stations: stationIndices, function: function)
        }
    }
}
