/// Everything that can happen in the company, as a small value (no allocation per event).
enum CompanyEvent {
    case arrival(client: Int32)
    /// The end of a technician's stint; ignored unless `stint` is still the technician's
    /// current one (see `Technician.stint`).
    case completion(technician: Int32, stint: UInt32)
    case shiftStart
    case shiftEnd
    /// End of a technician's evening extension or rest-day shift.
    case overtimeEnd(technician: Int32)
    case restDayShiftStart(technician: Int32)
    /// Midnight: stress, hazards, leave returns, daily costs.
    case dayEnd
    case monthEnd
    case decision
    /// The key client leaves, the months its `leavesLater` response said after the decision.
    case keyClientLeaves
    case hire(technician: Int32)
    /// A manager's replacement starts.
    case managerHire(manager: Int32)
}
