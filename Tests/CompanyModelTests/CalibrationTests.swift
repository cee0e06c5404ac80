import Testing
import Foundation
import CompanyModel
import SimulationKernel
import Experiments

/// The default staff parameters must give absence figures in the published ranges
/// (PARAMETERS.md: 10–23 absence days per employee per year; 37–50 % of employees with at
/// least one sick leave a year) when the company is calm: no overtime, no preemption, no abuse.
@Suite("Calibration of the staff model")
struct CalibrationTests {
    /// A calm company: default technicians, light load, a policy that never asks for overtime.
    static func calmCompany() -> Scenario {
        var s = TestScenarios.company(horizonDays: 365 * 3, warmupDays: 30)
        var calm = TestScenarios.standard()
        calm.overtimeTrigger = .never
        calm.response = nil                     // the only policy, so the baseline: no response
        s.policies = ["calm": calm]
        s.baseline = "calm"
        for name in s.clients.keys { s.clients[name]!.ordersPerWeek *= 0.6 }   // utilisation ≈ 0.5
        // Resignations would shrink the staff (a calm company does not replace them): switch
        // them off so "per employee" means the same head count all along.
        s.technicians.resignation.baseDailyHazard = 0
        s.technicians.resignation.quitProbabilityPerAbuse = 0
        return s
    }

    @Test("absence days per employee per year fall inside the published 10–23 range")
    func absenceDays() throws {
        let s = Self.calmCompany()
        let model = try CompanySimulation(scenario: s, policy: "calm")
        let years = (s.simulation.horizonDays - s.simulation.effectiveDecisionDay) / 365
        let perEmployee = (0..<20).map { model.run(replication: $0)[.absenceDays] / Double(s.technicians.count) / years }
        let summary = SampleSummary(perEmployee, confidence: 0.99)
        #expect(summary.lower >= 10 && summary.upper <= 23, "absence days/employee/year: \(summary.mean) ± \(summary.halfWidth)")
        // A calm company's stress stays low: the figure is the low-stress calibration target.
        let stress = (0..<5).map { model.run(replication: $0)[.meanStress] }
        #expect(stress.allSatisfy { $0 < 0.3 }, "mean stress \(stress)")
    }

    @Test("sick leaves per employee per year match the hazard: about 0.7, so ≈ 50 % with ≥ 1 leave")
    func sickLeaveRate() throws {
        let s = Self.calmCompany()
        let model = try CompanySimulation(scenario: s, policy: "calm")
        let years = (s.simulation.horizonDays - s.simulation.effectiveDecisionDay) / 365
        let rates = (0..<20).map { model.run(replication: $0)[.sickLeaveEpisodes] / Double(s.technicians.count) / years }
        let summary = SampleSummary(rates, confidence: 0.99)
        // Daily hazard 0.0020 on days present: ≈ 95 % of days less 5 weeks of annual leave (no
        // hazard is drawn on leave), ≈ 86 %: ≈ 0.63 leaves/year at zero stress, a little more
        // with the calm company's small stress.
        #expect(summary.lower > 0.5 && summary.upper < 0.85, "leaves/employee/year \(summary.mean) ± \(summary.halfWidth)")
        let atLeastOne = 1 - exp(-summary.mean)
        #expect(atLeastOne > 0.40 && atLeastOne < 0.60, "share with ≥ 1 leave \(atLeastOne)")
    }
}
