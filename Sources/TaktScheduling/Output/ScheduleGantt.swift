import Foundation

/// Draws a schedule as a self-contained SVG Gantt chart: one lane per machine, one bar per
/// operation coloured by job, the time axis in the problem's units (the same look as the
/// factory model's `GanttChart`, without its dependence on a factory).
public enum ScheduleGantt {
    /// The SVG text of `schedule`. Machines are labelled `M<index + machineOffset>` (so an `.fjs`
    /// instance shows its 1-based numbers); at most `limit` operations are drawn (the earliest).
    public static func svg(_ schedule: Schedule, machineCount: Int, title: String, machineOffset: Int = 0,
                           limit: Int = 5_000) -> String {
        let shown = Array(schedule.operations.sorted { ($0.start, $0.machine) < ($1.start, $1.machine) }.prefix(limit))
        let end = max(schedule.makespan, 1)
        let left = 60.0, top = 40.0, lane = 18.0, width = 1000.0
        let scale = width / Double(end)
        let height = top + Double(machineCount) * lane + 50
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(left + width + 20))" height="\(Int(height))" \
            font-family="sans-serif" font-size="11">
            <text x="\(left)" y="20" font-size="14">\(escape(title))</text>

            """
        for machine in 0..<machineCount {
            let y = top + Double(machine) * lane
            svg += "<text x=\"4\" y=\"\(y + 12)\">M\(machine + machineOffset)</text>"
            svg += "<line x1=\"\(left)\" x2=\"\(left + width)\" y1=\"\(y + lane)\" y2=\"\(y + lane)\" "
                   + "stroke=\"#eee\"/>\n"
        }
        for entry in shown {
            let y = top + Double(entry.machine) * lane + 2
            let hue = (entry.job * 137) % 360
            let x = left + Double(entry.start) * scale, w = max(0.5, Double(entry.end - entry.start) * scale)
            svg += "<rect x=\"\(format(x))\" y=\"\(format(y))\" width=\"\(format(w))\" height=\"\(format(lane - 4))\" "
                + "fill=\"hsl(\(hue),55%,55%)\" stroke=\"#333\" stroke-width=\"0.3\">"
                + "<title>job \(entry.job) operation \(entry.operation): \(entry.start)–\(entry.end)</title></rect>\n"
        }
        let axisY = top + Double(machineCount) * lane + 14
        for tick in 0...10 {
            let t = Double(end) * Double(tick) / 10
            svg += "<text x=\"\(format(left + t * scale))\" y=\"\(format(axisY))\" "
                   + "text-anchor=\"middle\">\(format(t))</text>\n"
        }
        svg += "<text x=\"\(left + width / 2)\" y=\"\(axisY + 16)\" text-anchor=\"middle\">time (file units)</text>\n"
        svg += "</svg>\n"
        return svg
    }

    /// A number with at most two decimals, without a locale.
    static func format(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        let whole = Int(hundredths / 100), part = Int(abs(hundredths).truncatingRemainder(dividingBy: 100))
        return part == 0 ? "\(whole)" : "\(whole).\(part < 10 ? "0" : "")\(part)"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
