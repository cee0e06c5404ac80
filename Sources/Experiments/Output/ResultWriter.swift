/// Installs the result files of a run held in memory (`run --precision`) into its folder, as
/// one set (`OutputFolder.commit`): `run.json` last, and whatever an earlier run of another
/// kind left there (a sweep's plan, partial rows, a series no longer recorded) removed in the
/// same commit, so the folder describes this run only.
public enum ResultWriter {
    /// The names of the files installed, in order.
    @discardableResult
    public static func write(_ tables: ResultTables, record: RunRecord, timeseries: Bool,
                             to folder: OutputFolder) throws(AtomicFile.Failure) -> [String] {
        var files: [(name: String, text: String)] = [
            ("replications.csv", tables.replicationsCSV),
            ("summary.csv", tables.summaryCSV),
            ("comparison.csv", tables.comparisonCSV),
        ]
        if timeseries { files.append(("timeseries.csv", tables.timeseriesCSV)) }
        files.append(("run.json", record.json))
        var removing = ["sweep.json", SweepRunner.partialManifestName, SweepRunner.partialName, SweepRunner.seriesPartialName]
        if !timeseries { removing.append("timeseries.csv") }
        try folder.commit(files, removing: removing)
        return files.map(\.name)
    }
}
