import Foundation
import TaktFactory
import TaktKernel

extension FactoryReader {
    /// Refuses a run whose recurring processes alone would need more events than one run may have
    /// (`run.max_events`): a sensor read every millisecond for a year is 3·10¹⁰ events, hours of
    /// computing that would end in the event limit. Counts only what is certain from the file —
    /// arrivals at their mean rate, sensor readings, planned maintenance windows and time-series
    /// samples over `run.duration` — so the estimate is a lower bound and never refuses a run
    /// that fits. Reported at `run.duration`, naming the largest contributor.
    static func checkEventBudget(_ configuration: FactoryConfiguration, run: RunSettings, sampleInterval: Double?,
                                 at node: Located) {
        guard run.endTime.isFinite else { return }
        let span = run.endTime
        var contributions: [(what: String, events: Double)] = []
        for source in configuration.orderSources {
            if case .renewal(let law, let count, _) = source.arrivals {
                let expected = span / law.mean
                contributions.append(("arrivals of order source '\(source.name)'",
                                      min(expected, count.map(Double.init) ?? expected)))
            }
        }
        for sensor in configuration.sensors {
            let machines = Double(configuration.stations[sensor.station].machines)
            contributions.append(("readings of sensor '\(sensor.name)' (every \(sensor.interval) s)",
                                  span / sensor.interval * machines))
        }
        for station in configuration.stations {
            for window in station.maintenance {
                guard let period = window.period else { continue }
                contributions.append(("maintenance windows of station '\(station.name)' (every \(period) s)",
                                      2 * span / period * Double(station.machines)))
            }
        }
        if let sampleInterval {
            contributions.append(("time-series samples (every \(sampleInterval) s)", span / sampleInterval))
        }
        let total = contributions.reduce(0) { $0 + $1.events }
        guard total > Double(run.maxEvents), let largest = contributions.max(by: { $0.events < $1.events })
        else { return }
        node.error("run.duration: this run needs at least \(format(total)) events, more than the "
                       + "\(format(Double(run.maxEvents))) "
            + "one run may have (run.max_events); most are \(largest.what): \(format(largest.events)). "
            + "Shorten the run, "
            + "lengthen that interval, or raise run.max_events; see docs/limits.md")
    }

    private static func format(_ value: Double) -> String {
        value < 1e6 ? String(Int(value)) : String(format: "%.2g", value)
    }
}
