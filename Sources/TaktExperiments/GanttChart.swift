import Foundation
import TaktFactory

/// Draws a Gantt chart of recorded operations as a self-contained SVG: one lane per machine,
/// one bar per operation (setup hatched before it), coloured by product, time axis in hours.
public enum GanttChart {
    /// The SVG text for `rows`, with machine lanes named after their stations.
    /// - Parameters:
    ///   - limit: at most this many operations are drawn (the earliest), to keep files small.
    public static func svg(_ rows: [GanttRow], configuration: FactoryConfiguration, title: String, limit: Int = 5_000)
        -> String {
        let shown = Array(rows.sorted { ($0.start, $0.machine) < ($1.start, $1.machine) }.prefix(limit))
        var lanes: [(name: String, station: Int)] = []
        for (index, station) in configuration.stations.enumerated() {
            for k in 0..<station.machines {
                lanes.append((station.machines == 1 ? station.name : "\(station.name)/\(k + 1)", index))
            }
        }
        let end = max(shown.map(\.end).max() ?? 1, 1e-9)
        let start = min(shown.map { $0.setupStart.isNaN ? $0.start : $0.setupStart }.min() ?? 0, end)
        let left = 110.0, top = 40.0, lane = 18.0, width = 1000.0
        let products = Array(Set(shown.map(\.product))).sorted().prefix(12)
        let height = top + Double(lanes.count) * lane + 60
        let scale = width / max(end - start, 1e-9)
        let x = { (t: Double) in left + (t - start) * scale }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(left + width + 20))" height="\(Int(height))" \
            font-family="sans-serif" font-size="11">
            <text x="\(left)" y="20" font-size="14">\(escape(title))</text>

            """
        for (index, laneInfo) in lanes.enumerated() {
            let y = top + Double(index) * lane
            svg += "<text x=\"4\" y=\"\(y + 12)\">\(escape(laneInfo.name))</text>"
            svg += "<line x1=\"\(left)\" x2=\"\(left + width)\" y1=\"\(y + lane)\" y2=\"\(y + lane)\" "
                + "stroke=\"#eee\"/>\n"
        }
        for row in shown {
            let y = top + Double(row.machine) * lane + 2
            if !row.setupStart.isNaN {
                svg += String(format: "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" "
                                  + "fill=\"#bbb\"><title>setup</title></rect>\n",
                              x(row.setupStart), y, max(0.5, (row.start - row.setupStart) * scale), lane - 4)
            }
            let product = configuration.products[Int(row.product)].name
            let hue = (Int(row.product) * 137) % 360
            let fill = row.outcome == .scrapped ? "#d33" : "hsl(\(hue),55%,55%)"
            svg += String(format: "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" fill=\"%@\" "
                              + "stroke=\"#333\" stroke-width=\"0.3\">",
                          x(row.start), y, max(0.5, (row.end - row.start) * scale), lane - 4, fill)
            svg += "<title>job \(row.job) \(escape(product)) op \(row.operation + 1): "
                + "\(format(row.start))–\(format(row.end))</title></rect>\n"
        }
        let axisY = top + Double(lanes.count) * lane + 14
        for tick in 0...10 {
            let t = start + (end - start) * Double(tick) / 10
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%@</text>\n", x(t), axisY,
                          format(t))
        }
        svg += "<text x=\"\(left + width / 2)\" y=\"\(axisY + 16)\" text-anchor=\"middle\">time (h)</text>\n"
        var legendX = left
        for product in products {
            let hue = (Int(product) * 137) % 360
            svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"hsl(%d,55%%,55%%)\"/>",
                          legendX, axisY + 26, hue)
            let name = escape(configuration.products[Int(product)].name)
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\">", legendX + 14, axisY + 35) + name + "</text>\n"
            legendX += 24 + Double(name.count) * 6.5
        }
        svg += "<rect x=\"\(legendX)\" y=\"\(axisY + 26)\" width=\"10\" height=\"10\" fill=\"#bbb\"/><text "
            + "x=\"\(legendX + 14)\" y=\"\(axisY + 35)\">setup</text>\n"
        svg += "</svg>\n"
        return svg
    }

    static func format(_ seconds: Double) -> String { String(format: "%.2f", seconds / 3600) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
