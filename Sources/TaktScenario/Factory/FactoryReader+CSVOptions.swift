extension FactoryReader {
    /// The keys beside a CSV file's name that say how to read it: `delimiter: ";"` (`,`, `;` or
    /// `tab`; default: detected from the header line) and `start: 2026-03-02 06:00` (the date
    /// and time that is time 0, for files whose times are timestamps; default `run.start`).
    func readCSVOptions(_ fields: MappingReader, path: String) -> CSVOptions {
        var options = CSVOptions(start: runStart)
        options.delimiter = fields.optional("delimiter")?.choice("\(path).delimiter", among: [
            ",": Character(","), ";": Character(";"), "tab": Character("\t"), "\t": Character("\t")])
        if let start = fields.optional("start"), let text = start.string("\(path).start") {
            options.start = Timestamp(text)
            if options.start == nil {
                start.error("\(path).start must be a date and time, such as \(Timestamp.examples); found '\(text)'")
            }
        }
        return options
    }
}
