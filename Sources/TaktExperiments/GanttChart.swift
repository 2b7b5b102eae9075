import Foundation
import TaktFactory

/// Draws a Gantt chart of recorded operations as a self-contained SVG: one lane per machine, named
/// as in the result file (`saw/0`, `MachineNames`), one bar per operation coloured by product (hex
/// colours, which every SVG renderer reads), its setup grey before it, down and maintenance
/// intervals over them, and a time axis in hours with round ticks (`GanttTicks`). Every operation
/// is drawn; the caption states how many, and over which time span. For long runs, `takt report`
/// gives an interactive chart with a time window.
public enum GanttChart {
    /// Product colours, repeated past the twelfth (the report's palette).
    public static let palette = ["#4c78a8", "#f58518", "#54a24b", "#b279a2", "#72b7b2", "#eeca3b", "#9d755d",
                                 "#ff9da6", "#2f4b7c", "#a05195", "#665191", "#bab0ac"]
    /// Colours of setups, scrapped operations, downtime and maintenance.
    public static let setupColour = "#bdbdbd", scrapColour = "#b3261e", downColour = "#d62728",
        maintenanceColour = "#ff7f0e"

    /// The SVG text for `rows` and the machine-state `intervals` to draw (down and maintenance;
    /// other states are ignored).
    public static func svg(_ rows: [GanttRow], intervals: [StateRow] = [], configuration: FactoryConfiguration,
                           title: String) -> String {
        let lanes = MachineNames.of(configuration).map(\.name)
        let shown = rows.sorted { ($0.start, $0.machine) < ($1.start, $1.machine) }
        let drawn = intervals.filter { GanttIntervalCapture.drawnStates.contains($0.state) }
        let end = max((shown.map(\.end) + drawn.map(\.end)).max() ?? 1, 1e-9)
        let start = 0.0   // the start of the simulation: times are counted from there
        let left = 110.0, top = 56.0, lane = 18.0, width = 1000.0
        let products = Array(Set(shown.map(\.product))).sorted()
        let height = top + Double(lanes.count) * lane + 64
        let scale = width / max(end - start, 1e-9)
        let x = { (t: Double) in left + (t - start) * scale }
        let downs = drawn.filter { $0.state == UInt8(MachineState.down.rawValue) }.count
        let caption = "\(shown.count) operations, \(downs) down and \(drawn.count - downs) maintenance intervals, "
            + "\(format(start))–\(format(end)) h: all drawn"
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(left + width + 20))" height="\(Int(height))" \
            font-family="sans-serif" font-size="11">
            <rect x="0" y="0" width="\(Int(left + width + 20))" height="\(Int(height))" fill="#ffffff"/>
            <text x="\(left)" y="20" font-size="14">\(escape(title))</text>
            <text x="\(left)" y="38" fill="#505a6b">\(escape(caption))</text>

            """
        for (index, name) in lanes.enumerated() {
            let y = top + Double(index) * lane
            svg += "<text class=\"lane\" x=\"4\" y=\"\(y + 12)\">\(escape(name))</text>"
            svg += "<line x1=\"\(left)\" x2=\"\(left + width)\" y1=\"\(y + lane)\" y2=\"\(y + lane)\" "
                + "stroke=\"#eeeeee\"/>\n"
        }
        for row in shown {
            let y = top + Double(row.machine) * lane + 2
            if !row.setupStart.isNaN {
                svg += String(format: "<rect class=\"setup\" x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" "
                                  + "fill=\"%@\"><title>setup</title></rect>\n",
                              x(row.setupStart), y, max(0.5, (row.start - row.setupStart) * scale), lane - 4,
                              setupColour)
            }
            let product = configuration.products[Int(row.product)].name
            let fill = row.outcome == .scrapped ? scrapColour : colour(of: Int(row.product))
            svg += String(format: "<rect class=\"op\" x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" "
                              + "fill=\"%@\" stroke=\"#333333\" stroke-width=\"0.3\">",
                          x(row.start), y, max(0.5, (row.end - row.start) * scale), lane - 4, fill)
            svg += "<title>job \(row.job) \(escape(product)) op \(row.operation + 1) on "
                + "\(escape(lanes[Int(row.machine)])): \(format(row.start))–\(format(row.end)) h</title></rect>\n"
        }
        for interval in drawn {
            let isDown = interval.state == UInt8(MachineState.down.rawValue)
            let y = top + Double(interval.machine) * lane + 1
            svg += String(format: "<rect class=\"%@\" x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" "
                              + "fill=\"%@\" fill-opacity=\"0.85\">",
                          isDown ? "down" : "maintenance", x(interval.start), y,
                          max(0.5, (interval.end - interval.start) * scale), lane - 2,
                          isDown ? downColour : maintenanceColour)
            svg += "<title>\(isDown ? "down" : "maintenance") on \(escape(lanes[Int(interval.machine)])): "
                + "\(format(interval.start))–\(format(interval.end)) h</title></rect>\n"
        }
        let axisY = top + Double(lanes.count) * lane + 14
        for tick in GanttTicks.ticks(from: start / 3600, to: end / 3600) {
            svg += String(format: "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%@</text>\n",
                          x(tick * 3600), axisY, GanttTicks.label(tick))
        }
        svg += "<text x=\"\(left + width / 2)\" y=\"\(axisY + 16)\" text-anchor=\"middle\">time (h)</text>\n"
        var legendX = left
        let legend = products.map { (configuration.products[Int($0)].name, colour(of: Int($0))) }
            + [("setup", setupColour), ("down", downColour), ("maintenance", maintenanceColour)]
        for (name, fill) in legend {
            svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%@\"/>",
                          legendX, axisY + 26, fill)
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\">", legendX + 14, axisY + 35) + escape(name) + "</text>\n"
            legendX += 24 + Double(name.count) * 6.5
        }
        svg += "</svg>\n"
        return svg
    }

    /// The colour of product `index`.
    public static func colour(of index: Int) -> String { palette[index % palette.count] }

    static func format(_ seconds: Double) -> String { String(format: "%.2f", seconds / 3600) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
