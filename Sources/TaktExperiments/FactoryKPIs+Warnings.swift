import Foundation
import TaktFactory

extension FactoryKPIs {
    /// A maintenance controller's warnings scored as a warning system (`warnings.*` for the
    /// active controller, `shadow.warnings.*` for a shadow): per horizon (6.5, 12, 24 h) the
    /// precision (correct over scored warnings), the recall over all failures and over the
    /// degradation failures (the true cause: a shock gives no warning), the share of failures
    /// flagged at least 6.5 h ahead, the lead time, false alarms per machine-month (at 24 h) and
    /// the warnings acted on before they could be scored. Shares are 0 when nothing was scored.
    static func warningKPIs(_ reports: [(prefix: String, report: WarningReport)]) -> [KPI] {
        var result: [KPI] = []
        for (prefix, report) in reports {
            let who = prefix.hasPrefix("shadow") ? "Shadow warnings" : "Warnings"
            func percent(_ share: Double?) -> Double { 100 * (share ?? 0) }
            result.append(KPI("\(prefix).episodes", "\(who): warning episodes (first warning since a renewal)",
                              unit: "", value: Double(report.episodes)))
            for (k, horizon) in report.horizons.enumerated() {
                let tag = horizonTag(horizon)
                let hours = horizonLabel(horizon)
                result.append(KPI("\(prefix).precision_\(tag)", "\(who): followed by a failure within \(hours)",
                                  unit: "%", value: percent(report.precision(k))))
                result.append(KPI("\(prefix).recall_\(tag)", "\(who): failures warned within the \(hours) before",
                                  unit: "%", value: percent(report.recall(k))))
                result.append(KPI("\(prefix).recall_degradation_\(tag)",
                                  "\(who): degradation failures warned within the \(hours) before (truth)",
                                  unit: "%", value: percent(report.degradationRecall(k))))
            }
            let ahead = report.leadTimes.filter { $0 >= 6.5 * 3600 }.count
            result.append(KPI("\(prefix).flagged_6_5h_ahead", "\(who): failures flagged at least 6.5 h ahead",
                              unit: "%",
                              value: report.failures > 0 ? 100 * Double(ahead) / Double(report.failures) : 0))
            let sorted = report.leadTimes.sorted()
            result.append(KPI("\(prefix).lead_time_mean", "\(who): lead time of flagged failures, mean", unit: "h",
                              value: sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count) / 3600))
            result.append(KPI("\(prefix).lead_time_p50", "\(who): lead time of flagged failures, median", unit: "h",
                              value: sorted.isEmpty ? 0 : sorted[sorted.count / 2] / 3600))
            let last = report.horizons.count - 1
            result.append(KPI("\(prefix).false_alarms_per_machine_month",
                              "\(who): false alarms (no failure within \(horizonLabel(report.horizons[last]))) "
                                  + "per machine-month",
                              unit: "", value: report.machineMonths > 0
                                  ? Double(report.falseAlarms[last]) / report.machineMonths : 0))
            result.append(KPI("\(prefix).acted_on", "\(who): renewed by a maintenance before they could be scored",
                              unit: "", value: Double(report.unscored[last])))
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
