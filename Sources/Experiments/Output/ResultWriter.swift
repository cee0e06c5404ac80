/// Writes the result files of a run into one directory, each atomically.
public enum ResultWriter {
    /// The files written, in order; `timeseries.csv` only when series were recorded.
    @discardableResult
    public static func write(_ tables: ResultTables, record: RunRecord, timeseries: Bool, to directory: String) throws(AtomicFile.Failure) -> [String] {
        try AtomicFile.createDirectory(directory)
        var files: [(String, String)] = [
            ("replications.csv", tables.replicationsCSV),
            ("summary.csv", tables.summaryCSV),
            ("comparison.csv", tables.comparisonCSV),
        ]
        if timeseries {
            files.append(("timeseries.csv", tables.timeseriesCSV))
        } else {
            // A series left by an earlier run would no longer match the other files.
            AtomicFile.remove(directory + "/timeseries.csv")
        }
        files.append(("run.json", record.json))
        var written: [String] = []
        for (name, text) in files {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            try AtomicFile.write(text, to: path)
            written.append(path)
        }
        return written
    }
}
