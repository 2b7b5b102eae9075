import Foundation
import TaktFactory

extension FactoryReader {
    static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// `calendars: {two_shifts: {shifts: [{days: [mon, tue, wed, thu, fri], from: "06:00", to: "14:00"}, …],
    /// at_shift_end: finish, holidays: [3, 24]}}` — weekly working time; time 0 of a run is Monday
    /// 00:00. A shift whose `to` is not after its `from` runs past midnight. Holidays are day
    /// numbers (0 = the first Monday).
    static func readCalendars(_ node: Located?) -> [ShiftCalendar?] {
        guard let node, let mapping = node.mapping("calendars") else { return [] }
        return mapping.namedEntries.map { entry in
            let path = "calendars.\(entry.name)"
            guard let fields = entry.value.mapping(path) else { return nil }
            var intervals: [(start: Double, end: Double)] = []
            let shifts = fields.required("shifts", expected: "a list of {days, from, to}")?.sequence("\(path).shifts")
                                          ?? []
            for (offset, item) in shifts.enumerated() {
                let itemPath = "\(path).shifts[\(offset + 1)]"
                guard let shift = item.mapping(itemPath) else { continue }
                let days = shift.required("days",
                                          expected: "e.g. [mon, tue, wed, thu, fri]")?.sequence("\(itemPath).days")
                                              ?? []
                let from = shift.required("from", expected: "a time of day such as \"06:00\"")
                    .flatMap { clock($0, "\(itemPath).from") }
                let to = shift.required("to", expected: "a time of day such as \"14:00\"")
                    .flatMap { clock($0, "\(itemPath).to") }
                shift.finish()
                guard let from, let to else { continue }
                for dayNode in days {
                    guard let name = dayNode.string("a day"), let day = dayNames.firstIndex(of: name.lowercased())
                    else {
                        dayNode.error("\(itemPath).days: unknown day '\(dayNode.scalarText ?? "")'; expected "
                                          + "\(dayNames.joined(separator: ", "))")
                        continue
                    }
                    let start = Double(day) * 86_400 + from
                    let end = Double(day) * 86_400 + (to > from ? to : to + 86_400)
                    if end <= ShiftCalendar.week {
                        intervals.append((start, end))
                    } else {   // Sunday night into Monday morning
                        intervals.append((start, ShiftCalendar.week))
                        intervals.append((0, end - ShiftCalendar.week))
                    }
                }
            }
            let rule = fields.optional("at_shift_end")?.choice("\(path).at_shift_end", among: [
                "finish": ShiftEndRule.finish, "interrupt": ShiftEndRule.interrupt]) ?? .finish
            let holidays = fields.optional("holidays")?.sequence("\(path).holidays")?.compactMap {
                $0.integer("\(path).holidays (day numbers: 0 is the Monday the run starts)", in: 0...100_000)
            } ?? []
            fields.finish()
            if intervals.isEmpty { entry.value.error("\(path) has no working time; give at least one shift") }
            var calendar = ShiftCalendar(intervals: intervals, atShiftEnd: rule)
            calendar.holidays = Set(holidays)
            return calendar
        }
    }

    /// "06:00" or "22:30" → seconds after midnight ("24:00" allowed as the end of a day).
    static func clock(_ node: Located, _ what: String) -> Double? {
        guard let text = node.scalarText else {
            node.error("\(what) must be a time of day such as \"06:00\"")
            return nil
        }
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
              (0...24).contains(hours), (0..<60).contains(minutes), hours < 24 || minutes == 0 else {
            node.error("\(what): '\(text)' is not a time of day; write it as \"HH:MM\", e.g. \"06:00\" (quoted)")
            return nil
        }
        return Double(hours * 3600 + minutes * 60)
    }
}
