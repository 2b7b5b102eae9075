import Foundation
import TaktFactory

extension FactoryKPIs {
    /// A maintenance controller's warnings scored as a warning system (`warnings.*` for the
    /// active controller, `shadow.warnings.*` for a shadow; rules in docs/controllers.md):
    /// precision against the truth (the machine was really degrading), recall at 6.5, 12 and
    /// 24 h (failures flagged at least that far ahead, over all failures and over those from
    /// degradation), lead times, false alarms per machine-month, warnings acted on, and the true
    /// P–F interval. Shares are 0 when there is nothing to divide.
    static func warningKPIs(_ reports: [(prefix: String, report: WarningReport)]) -> [KPI] {
        var result: [KPI] = []
        for (prefix, report) in reports {
            let who = prefix.hasPrefix("shadow") ? "Shadow warnings" : "Warnings"
            func percent(_ share: Double?) -> Double { 100 * (share ?? 0) }
            result.append(KPI("\(prefix).episodes", "\(who): episodes (first warning since a renewal)",
                              unit: "", value: Double(report.episodes)))
            result.append(KPI("\(prefix).precision", "\(who): machine truly degrading when warned (truth)",
                              unit: "%", value: percent(report.precision)))
            for (k, horizon) in report.horizons.enumerated() {
                let tag = horizonTag(horizon), hours = horizonLabel(horizon)
                result.append(KPI("\(prefix).recall_\(tag)", "\(who): failures flagged at least \(hours) ahead",
                                  unit: "%", value: percent(report.recall(k))))
                result.append(KPI("\(prefix).recall_degradation_\(tag)",
                                  "\(who): degradation failures flagged at least \(hours) ahead (truth)",
                                  unit: "%", value: percent(report.degradationRecall(k))))
            }
            let sorted = report.leadTimes.sorted()
            result.append(KPI("\(prefix).lead_time_mean", "\(who): lead time of flagged failures, mean", unit: "h",
                              value: sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count) / 3600))
            result.append(KPI("\(prefix).lead_time_p50", "\(who): lead time of flagged failures, median", unit: "h",
                              value: sorted.isEmpty ? 0 : sorted[sorted.count / 2] / 3600))
            result.append(KPI("\(prefix).false_alarms_per_machine_month",
                              "\(who): false alarms (machine not degrading) per machine-month (truth)", unit: "",
                              value: report.machineMonths > 0
                                  ? Double(report.episodes - report.trueEpisodes) / report.machineMonths : 0))
            result.append(KPI("\(prefix).acted_on", "\(who): ended by a maintenance before any failure",
                              unit: "", value: Double(report.actedOn)))
            let periods = report.warningPeriods
            result.append(KPI("\(prefix).pf_interval_mean",
                              "Truth: degradation start to failure (P–F interval), mean", unit: "h",
                              value: periods.isEmpty ? 0 : periods.reduce(0, +) / Double(periods.count) / 3600))
        }
        return result
    }

    /// `6_5h`, `12h`: a horizon as a KPI name part.
    static func horizonTag(_ seconds: Double) -> String {
        horizonLabel(seconds).replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: " ", with: "")
    }

    /// `6.5 h`, `12 h`.
    static func horizonLabel(_ seconds: Double) -> String {
        let hours = seconds / 3600
        return hours == hours.rounded() ? "\(Int(hours)) h" : "\(hours) h"
    }
}
