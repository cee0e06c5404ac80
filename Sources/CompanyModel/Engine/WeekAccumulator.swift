/// Sums over the current week, for `timeseries.csv`.
struct WeekAccumulator {
    var backlogArea = 0.0
    var overtimeHours = 0.0
    var absentTechnicianDays = 0.0
    var revenue = 0.0
    var stressSum = 0.0
    var stressSamples = 0
}
