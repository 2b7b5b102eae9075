import TaktFactory

extension ScenarioLoader {
    /// The `recording:` section: what a run writes to its result file beyond the KPIs.
    ///
    /// ```yaml
    /// recording:
    ///   events: all            # all | none | [failure, repair_end, …]
    ///   operations: true       # the Gantt table
    ///   jobs: true
    ///   states: true           # machine state intervals
    ///   sensors: true          # sensor readings, and the hidden wear apart as truth
    ///   sample: 1 h            # time-series interval, or off
    /// ```
    /// Omitted keys keep the standard setting (everything on, hourly samples).
    static func readRecording(_ node: Located) -> RecordingOptions {
        var options = RecordingOptions.standard
        guard let section = node.mapping("recording") else { return options }
        if let events = section.optional("events") { options.events = readEventSelection(events) }
        if let value = section.optional("operations")?.boolean("recording.operations") { options.operations = value }
        if let value = section.optional("jobs")?.boolean("recording.jobs") { options.jobs = value }
        if let value = section.optional("states")?.boolean("recording.states") { options.states = value }
        if let value = section.optional("sensors")?.boolean("recording.sensors") { options.sensors = value }
        if let sample = section.optional("sample") {
            if sample.scalarText == "off" {
                options.sampleInterval = nil
            } else if let interval = sample.duration("recording.sample", allowZero: false) {
                options.sampleInterval = interval
            }
        }
        section.finish()
        return options
    }

    /// `all`, `none`, or a list of event kind names.
    static func readEventSelection(_ node: Located) -> EventSelection {
        let names = EventKind.allCases.map(\.name)
        if let text = node.scalarText {
            switch text {
            case "all": return .all
            case "none": return .none
            default:
                node.error("recording.events must be 'all', 'none' or a list of event kinds "
                               + "(\(names.joined(separator: ", "))), found '\(text)'")
                return .all
            }
        }
        guard let items = node.sequence("recording.events") else { return .all }
        var kinds: Set<EventKind> = []
        for item in items {
            guard let name = item.string("an event kind") else { continue }
            if let kind = EventKind.allCases.first(where: { $0.name == name }) {
                kinds.insert(kind)
            } else {
                let hint = Suggestion.closest(to: name, among: names).map { "did you mean '\($0)'? " } ?? ""
                item.error("unknown event kind '\(name)'; \(hint)expected one of \(names.joined(separator: ", "))")
            }
        }
        return .kinds(kinds)
    }
}
