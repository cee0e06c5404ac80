import SimulationKernel

/// The replication's technicians, and the running values kept over them.
///
/// Why running values: who is free, how many are present, and how busy the staff has been
/// are asked per order or per resignation; a scan of the staff each time made scenarios with
/// thousands of technicians quadratic (fuzz/README.md, finding 9). The replication keeps them
/// in step (`refreshAvailability`, and every write of `present` and `employed`).
struct Staff: ~Copyable {
    /// One record per technician slot, in hiring order; a replacement reuses its
    /// predecessor's slot.
    var technicians = OwnedArray<Technician>()
    /// Account managers first, then the production manager (`ManagerSettings.count`).
    var managers = OwnedArray<Manager>()
    /// Technicians on duty with empty hands, and technicians on duty holding a regular order
    /// (the ones a preemptive policy may interrupt). Kept in step with `onDuty` and `order` by
    /// `refreshAvailability`, so finding the first of them costs O(1), not a scan of the staff.
    var idleOnDuty = IndexBitSet()
    var busyOnRegular = IndexBitSet()
    /// Whether `busyOnRegular` is kept: only a preemptive policy (baseline or studied) reads it.
    let tracksPreemptionCandidates: Bool
    /// Employed technicians not on leave (a running count: resignations and the day end ask
    /// for it, and a scan per resignation is quadratic in the staff).
    var presentCount = 0
    /// False when sick leave, burn-out and resignation all have a zero base hazard.
    let drawsHazards: Bool
    /// Hours worked on orders, and the present staff's contract hours on working days, since
    /// the start; with their values at each week's end, for the replacement rule's recent
    /// utilisation (`recentUtilisation`).
    var busyHoursTotal = 0.0
    var contractHoursTotal = 0.0
    var weeklySnapshots: [(busy: Double, contract: Double)] = []
    /// The day of the shift in progress (set at its start): a shift that ends at midnight ends
    /// on the next day's clock, but its evening and "tomorrow" are its own day's.
    var shiftDay = 0

    init(tracksPreemptionCandidates: Bool, drawsHazards: Bool) {
        self.tracksPreemptionCandidates = tracksPreemptionCandidates
        self.drawsHazards = drawsHazards
    }
}
