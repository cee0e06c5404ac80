import Foundation
import SimulationKernel

/// `bigclient fit`'s outputs: the analysis in words, and a ready-to-paste, commented scenario
/// fragment in the scenario file's own field names (`clients.<group>.count`, `ordersPerWeek`,
/// `workHours`, `leadTimeDays`; `technicians.sickLeave` and `burnout`), which `check` accepts on
/// its own (every field it leaves out takes its default) or merged into a scenario.
public enum ScenarioFragment {
    /// A number for the fragment: 4 significant digits, no exponent for ordinary sizes.
    static func value(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        if x == x.rounded(), abs(x) < 1e9 { return String(Int64(x)) }
        var text = String(format: "%.4g", x)
        if text.contains("e") { text = String(format: "%.6f", x) }
        return text
    }

    /// A fitted distribution as the scenario file writes it.
    static func distribution(_ fit: DistributionFit) -> String {
        let type: String
        var fields = fit.parameters.filter { ["mean", "sd", "min", "mode", "max"].contains($0.name) }.map { "\($0.name): \(value($0.estimate))" }
        switch fit.family {
        case .exponential: type = "exponential"
        case .lognormal: type = "lognormal"
        case .gamma: type = "gamma"
        case .erlang:
            type = "erlang"
            fields.append("shape: \(value(fit.parameter("shape")?.estimate ?? 1))")
        case .truncatedNormal:
            type = "normal"
            fields.append("truncatedAtZero: true")
        case .uniform: type = "uniform"
        case .triangular: type = "triangular"
        }
        return "{ type: \"\(type)\", " + fields.joined(separator: ", ") + " }"
    }

    static func empirical(_ q: EmpiricalQuantiles) -> String {
        let values = q.sortedSample
        // At most 20 values, evenly spaced in rank, equally weighted: a readable table.
        let step = max(1, values.count / 20)
        let picked = stride(from: step / 2, to: values.count, by: step).map { values[$0] }
        return "{ type: \"empirical\", values: [" + picked.map(value).joined(separator: ", ") + "] }"
    }

    /// The share of days present that the model's daily hazard is drawn on (≈ 95 % of days less
    /// five weeks of annual leave; docs/model.md, "Calibration").
    static let presentShareOfDays = 0.86

    public static func render(orders: OrderLogAnalysis, absences: AbsenceLogAnalysis?, ordersPath: String, absencesPath: String?,
                              keyGroup: String?) -> String {
        var lines = ["// Scenario fragment written by `bigclient fit` from \(ordersPath) (\(orders.orders) orders, \(orders.firstDay) to \(orders.lastDay), \(value(orders.weeks)) weeks)\(absencesPath.map { " and \($0)" } ?? "").",
                     "// Paste its sections into a scenario (or run `bigclient check` on it as it is: every field left out takes its default).",
                     "// Estimates are the log's; judge them before use: docs/model.md says what each field means.",
                     "{", "  clients: {"]
        for g in orders.groups {
            let isKey = g.name == keyGroup
            let revenue = g.revenueShare.isFinite ? ", \(percentText(g.revenueShare)) of the revenue (price_eur)" : ""
            lines.append("    \(quotedKey(g.name)): {                 // \(g.clients) client\(g.clients == 1 ? "" : "s"), \(g.orders) orders, \(percentText(g.workShare)) of the work hours\(revenue)")
            lines.append("      count: \(g.clients),")
            lines.append("      isKeyClient: \(isKey),")
            var rate = "      ordersPerWeek: \(value(g.perClientPerWeek.rate)),   // per client; 95 % interval [\(value(g.perClientPerWeek.lower)), \(value(g.perClientPerWeek.upper))] (Garwood)"
            if let d = g.dispersion {
                rate += String(format: "; weekly counts' variance/mean %.2f (p %.2f)", d.ratio, d.pValue)
                if d.pValue < 0.05 { rate += ": NOT Poisson-like, read docs/model.md before trusting the rate" }
            }
            lines.append(rate)
            if let best = g.workHours.entries.first {
                var note = "best of \(g.workHours.entries.count) families by AIC"
                if let t = g.bestFitTest { note += String(format: "; bootstrap p: KS %.2f, AD %.2f", t.kolmogorovSmirnovPValue, t.andersonDarlingPValue) }
                lines.append("      workHours: \(distribution(best.fit)),   // \(note)")
                for runner in g.workHours.entries.dropFirst().prefix(3) {
                    lines.append("      //   or \(distribution(runner.fit))   (ΔAIC \(String(format: "%.1f", runner.deltaAIC)))")
                }
                lines.append("      //   or, without a family, \(empirical(g.workHours.empirical))")
            } else {
                lines.append("      // workHours: no family could be fitted to \(g.orders) order\(g.orders == 1 ? "" : "s"); the default applies")
            }
            for skipped in g.workHours.skipped {
                lines.append("      // not fitted: \(skipped.description)")
            }
            if g.medianLeadTimeDays.isFinite { lines.append("      leadTimeDays: \(value(g.medianLeadTimeDays.rounded())),   // median promised lead time (due − received)") }
            if isKey && g.rushShare > 0 {
                lines.append("      keyClient: { rushFraction: \(value(g.rushShare)), rushLeadTimeDays: \(value(g.rushMedianLeadTimeDays.rounded())) },")
            }
            if g.onTimeRate.isFinite {
                lines.append("      // observed: \(percentText(g.onTimeRate)) of delivered orders on time; the late ones \(value(g.meanDaysLate)) days late on average")
            }
            if let share = g.officeHoursShare { lines.append("      // \(percentText(share)) of the orders came 08:00–18:00 on weekdays (calendar.arrivals: \"officeHours\" when most do)") }
            lines.append("    },")
        }
        lines.append("  },")
        if let absences {
            lines.append("  technicians: {                 // \(absences.people) people over \(value(absences.personYears)) person-years")
            for k in absences.kinds where k.leaves > 0 {
                let section = k.kind == .sick ? "sickLeave" : "burnout"
                let hazard = k.perPersonYear.rate / (365 * presentShareOfDays)
                var line = "    \(section): { baseDailyHazard: \(value(hazard))"
                if let fit = k.durationFit { line += ", durationDays: \(distribution(fit))" }
                line += " },   // \(value(k.perPersonYear.rate)) leaves per person-year [\(value(k.perPersonYear.lower)), \(value(k.perPersonYear.upper))] ÷ (365 × \(presentShareOfDays) days present); \(k.leaves) leaves, \(k.censored) still running"
                if let median = k.survival?.median { line += "; Kaplan–Meier median \(value(median)) days" }
                lines.append(line)
            }
            lines.append("  },")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func percentText(_ x: Double) -> String { x.isFinite ? String(format: "%.0f %%", x * 100) : "—" }

    static func quotedKey(_ name: String) -> String {
        name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && !(name.first?.isNumber ?? true) ? name : "\"\(name)\""
    }
}
