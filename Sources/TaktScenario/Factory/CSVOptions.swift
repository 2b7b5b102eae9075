/// How a CSV file beside a scenario is to be read, as declared next to its name
/// (`{file: orders.csv, delimiter: ";", start: 2026-03-02 06:00}`).
struct CSVOptions {
    /// The declared delimiter; nil to detect it from the header line.
    var delimiter: Character?
    /// The date and time that is time 0 of the run, for files whose times are timestamps.
    var start: Timestamp?

    /// The time a cell gives, in seconds from the start of the run: a duration with a unit
    /// (`30 min`), or a timestamp (`2026-03-02 06:30`) when `start` is declared. A problem is a
    /// message for the cell (prefixed by the caller with the column's name).
    func seconds(_ text: String) -> Result<Double, SyntaxProblem> {
        guard Timestamp.looksLikeDate(text) else {
            return Quantity.parseDuration(text)
        }
        guard let timestamp = Timestamp(text) else {
            return .failure(SyntaxProblem("'\(text)' is not a date and time Takt reads; write it as "
                                               + Timestamp.examples))
        }
        guard let start else {
            return .failure(SyntaxProblem("'\(text)' is a date and time, but the file has no time 0; "
                                               + "declare it beside the file's name, e.g. 'start: 2026-03-02 00:00', "
                                               + "or as run.start"))
        }
        return .success(timestamp.seconds(since: start))
    }
}
