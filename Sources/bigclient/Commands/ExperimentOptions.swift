/// The options `run` and `sweep` share, declared once so their help and parsing agree.
enum ExperimentOptions {
    static let common: [CommandSpec.Option] = [
        .init(name: "--replications", valueName: "N", help: "replications per policy (and per point of a sweep; default: the scenario's)"),
        .init(name: "--seed", valueName: "S", help: "master seed (default: the scenario's)"),
        .init(name: "--jobs", valueName: "J", help: "worker threads (default: the number of cores); results do not depend on it"),
        .init(name: "--out", valueName: "DIR", help: "output directory (default: results/<scenario name>)"),
        .init(name: "--policy", valueName: "P", help: "run only this policy, besides the baseline (repeatable)", repeatable: true),
        .init(name: "--horizon-days", valueName: "D", help: "override simulation.horizonDays"),
        .init(name: "--warmup-days", valueName: "W", help: "override simulation.warmupDays (and the default decision day)"),
        .init(name: "--confidence", valueName: "C", help: "confidence level of the intervals, e.g. 0.95"),
        ConfirmHugeWork.option,
    ]

    static let flags: [CommandSpec.Flag] = [
        .init(name: "--resume", help: "continue an interrupted run in the same --out directory without redoing finished work"),
        .init(name: "--timeseries", help: "also write weekly series to timeseries.csv"),
        .init(name: "--quiet", help: "no progress and no report; files only"),
        .init(name: "--yes", help: "run even when the estimated work exceeds an hour of CPU (or --confirm-above)"),
    ]
}
