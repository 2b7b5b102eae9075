import TaktControl
import TaktFactory
import TaktKernel
import TaktQueueing

extension ScenarioLoader {
    /// Reads one scenario document (the base, or a variant already applied to it). Problems go to
    /// the document's sink; the result is nil when something essential could not be read.
    static func read(_ document: Located, file: String, text: String) -> Scenario? {
        guard let top = document.mapping("the scenario") else { return nil }
        let name = top.required("name", expected: "a short name for reports")?.string("name")
        _ = top.optional("description")?.string("description")
        var start: Timestamp?
        let run = top.optional("run").map { readRun($0, start: &start) } ?? RunSettings()
        let variants = readVariantNames(top.optional("variants"))
        var controllers = ControllerPlan()
        let model = readModel(top, document: document, file: file, run: run, start: start, controllers: &controllers)
        let recording = top.optional("recording").map { readRecording($0) } ?? .standard
        if case .factory(let configuration)? = model {
            FactoryReader.checkEventBudget(configuration, run: run, sampleInterval: recording.sampleInterval,
                                           at: top.keyNode("run") ?? document)
        }
        top.finish()
        guard let name, let model else { return nil }
        var scenario = Scenario(name: name, file: file, sourceText: text, run: run, model: model, variants: variants,
                                variant: nil,
                                recording: recording)
        scenario.controllers = controllers
        scenario.start = start
        return scenario
    }

    /// The model section: `queue:` or a factory (`stations:` and its companions), never both.
    static func readModel(_ top: MappingReader, document: Located, file: String, run: RunSettings,
                          start: Timestamp? = nil, controllers: inout ControllerPlan) -> ScenarioModel? {
        let queueKey = top.keyNode("queue"), stationsKey = top.keyNode("stations")
        switch (queueKey, stationsKey) {
        case (let queueKey?, let stationsKey?):
            let later = queueKey.line > stationsKey.line ? queueKey : stationsKey
            later.error("a scenario describes one model: 'queue:' (a reference queue) or 'stations:' (a "
                            + "factory), not both")
            FactoryReader.sectionKeys.forEach { _ = top.optional($0) }
            _ = top.optional("queue")
            return nil
        case (nil, nil):
            document.error("the scenario has no model section; expected 'queue:' (a reference queue) or "
                               + "'stations:' (a factory)")
            FactoryReader.sectionKeys.forEach { _ = top.optional($0) }
            _ = top.optional("queue")
            return nil
        case (_?, nil):
            for key in FactoryReader.sectionKeys where top.contains(key) {
                _ = top.optional(key)
                top.keyNode(key)?.error("'\(key)' belongs to a factory scenario (one with 'stations:'); a 'queue:' "
                                            + "scenario does not use it")
            }
            return top.optional("queue").flatMap { readQueue($0) }.map { .queue($0) }
        case (nil, _?):
            var reader = FactoryReader(top: top, document: document, scenarioFile: file)
            reader.runStart = start
            guard let configuration = reader.read(run: run) else {
                // the sections read after the essential ones were skipped: not unknown keys
                FactoryReader.sectionKeys.forEach { _ = top.optional($0) }
                return nil
            }
            controllers = reader.readControllers(configuration, run: run)
            return .factory(configuration)
        }
    }

    /// The names of the variants, in file order; each must be a mapping of the keys it changes.
    static func readVariantNames(_ node: Located?) -> [String] {
        guard let variants = node?.mapping("variants") else { return [] }
        for entry in variants.namedEntries {
            guard case .mapping = entry.value.node else {
                entry.value.error("variants.\(entry.name) must be a mapping of the keys it changes, e.g. 'stations: "
                                      + "{cut: {machines: 3}}'")
                continue
            }
        }
        return variants.namedEntries.map(\.name)
    }

    static func readRun(_ node: Located, start: inout Timestamp?) -> RunSettings {
        var settings = RunSettings()
        guard let run = node.mapping("run") else { return settings }
        if let seed = run.optional("seed")?.integer("run.seed", in: 0...Int.max) { settings.seed = UInt64(seed) }
        if let count = run.optional("replications")?.integer("run.replications", in: 1...InputLimits.mostReplications) {
            settings.replications = count
        }
        if let durationNode = run.optional("duration") {
            // an unreadable duration is reported; the run still counts as bounded, so no second
            // message says it has no end
            settings.endTime = durationNode.duration("run.duration", allowZero: false) ?? InputLimits.longestTime
        }
        if let warmUp = run.optional("warm_up")?.duration("run.warm_up") { settings.warmUp = warmUp }
        if let events = run.optional("max_events")?.integer("run.max_events", in: 1...Int.max) {
            settings.maxEvents = events
        }
        if let level = run.optional("confidence")?.number("run.confidence", in: 0.5...0.9999) {
            settings.confidenceLevel = level
        }
        if let startNode = run.optional("start"), let text = startNode.string("run.start") {
            start = Timestamp(text)
            if start == nil {
                startNode.error("run.start must be a date and time, such as \(Timestamp.examples); found '\(text)'")
            }
        }
        run.finish()
        if settings.warmUp >= settings.endTime {
            node.error("run.warm_up must be shorter than run.duration")
        }
        return settings
    }
}
