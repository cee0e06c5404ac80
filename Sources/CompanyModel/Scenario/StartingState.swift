// The `startingState` section of a scenario file, read by
// ScenarioFile/ScenarioReader+StartingState.swift.

/// Where the company stands at time 0: how stressed its technicians are, how much work is
/// already waiting, how satisfied its clients are.
///
/// Why: a company that has indulged its key client for years does not start empty and calm.
/// Without a starting state every replication starts with no backlog, zero stress and full
/// satisfaction, and the warm-up must carry the company to its usual level before the decision
/// day; `bigclient check` says whether it does (MSER-5 on a pilot, docs/model.md, "Starting
/// state and warm-up"). With one, the company starts there. The defaults are that empty, calm
/// start, so a scenario without the section gives the results it always gave.
///
/// Everything here is before the decision day, so every policy shares it.
public struct StartingState: Sendable, Hashable {
    /// Every initial technician's stress at time 0 (the stress rule's units; hires start at 0).
    /// From there it decays by the stress rule like any other stress.
    public var stress: Double = 0
    /// Open work at time 0, in days of the initial staff's shifts: backlogDays × initial
    /// technicians (count plus the baseline's extra technicians) × the hours one technician
    /// works a day (`calendar.shiftLengthHours`; 24 in `continuous` mode) technician-hours,
    /// made of orders of the scenario's groups in proportion to each group's share of the
    /// weekly work (see `CompanyReplication+StartingState.swift` for the rule that dates them).
    public var backlogDays: Double = 0
    /// Every initial client's satisfaction at time 0 (new clients start at 1, as always).
    public var satisfaction: Double = 1

    public init() {}

    /// Whether this is the empty, calm start (the section absent or all defaults).
    public var isEmptyAndCalm: Bool { self == StartingState() }
}
