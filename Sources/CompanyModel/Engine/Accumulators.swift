/// Running totals over the measurement window; reset on the decision day.
struct Accumulators {
    var revenue = 0.0, keyRevenue = 0.0
    var salary = 0.0, overtimePay = 0.0, absenceCost = 0.0, meetingCost = 0.0, hiringCost = 0.0, materials = 0.0
    var latePenalties = 0.0
    var overtimeHours = 0.0
    var restDaysWorked = 0
    var sickLeaves = 0, burnouts = 0, absenceDays = 0, resignations = 0
    var preemptions = 0, abuseIncidents = 0
    var deliveries = 0, onTimeDeliveries = 0
    var latenessDaysSum = 0.0
    /// The key client's share of the three above; the other clients' are the differences.
    var keyDeliveries = 0, keyOnTimeDeliveries = 0
    var keyLatenessDaysSum = 0.0
    var keyWaitSum = 0.0, keyWaitCount = 0, otherWaitSum = 0.0, otherWaitCount = 0
    var keyFlowSum = 0.0, keyFlowCount = 0, otherFlowSum = 0.0, otherFlowCount = 0
    var clientsLost = 0
    /// New clients who joined (month ends).
    var clientsGained = 0
    var keyClientLost = 0
    var stressSum = 0.0, stressSamples = 0
    var backlogArea = 0.0
    /// Account managers (and the production manager's stress): see `CompanyReplication+Managers`.
    var accountManagerAbuse = 0, accountManagerAbsenceDays = 0, accountManagerBurnouts = 0, accountManagerResignations = 0
    var accountManagerMeetingHours = 0.0
    var accountManagerStressSum = 0.0, accountManagerStressSamples = 0
    var productionManagerStressSum = 0.0, productionManagerStressSamples = 0
}
