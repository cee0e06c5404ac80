import CompanyModel

extension HTMLReport.Page {
    /// The `sweep` section: the profit difference of each studied policy against the baseline
    /// across the points — against the swept value (one parameter), as a tornado of its range
    /// per parameter (a one-at-a-time design), as a map (two parameters on a grid), or as a
    /// table of every point otherwise.
    func sweep() -> String {
        let names = tables.parameterNames
        var body: [String] = []
        guard !studied.isEmpty else {
            return HTMLReport.section("sweep", "Sweep", [onlyBaseline()])
        }
        if manifest.design == SweepDesign.oat.rawValue {
            body.append(HTMLReport.paragraph("One at a time: each parameter moves through its values with the others at their base. A bar spans the mean profit difference (policy − '\(baseline)') over that parameter's values, the end labels say which value gives which end, the circle is the base point; longest bar first."))
            for p in studied { body.append(tornado(policy: p)) }
        } else if names.count == 1 {
            body.append(HTMLReport.paragraph("The mean profit difference against '\(baseline)' (policy − baseline) at each value of \(names[0]), with its \(confidence) % confidence band."))
            body.append(oneParameter())
        } else if names.count == 2, let grid = grid() {
            body.append(HTMLReport.paragraph("The mean profit difference against '\(baseline)' (policy − baseline) at each point: blue where the policy gains, red where it loses, the strength by the size; bold in a black frame where the \(confidence) % interval excludes 0."))
            for p in studied { body.append(map(policy: p, grid: grid)) }
        } else {
            body.append(HTMLReport.paragraph("The profit difference against '\(baseline)' (policy − baseline) at every point of the \(manifest.design) design."))
        }
        body.append(pointTable())
        return HTMLReport.section("sweep", "Sweep over \(names.joined(separator: ", "))", body)
    }

    func difference(_ point: ResultTables.Point, _ p: Int) -> PairedComparison {
        point.outcome.comparison(policy: p, metric: .profitEur)
    }

    func oneParameter() -> String {
        let values = tables.points.map { $0.parameterValues[0] }
        let numbers = values.map { Double($0) }
        let numeric = numbers.allSatisfy { $0?.isFinite == true }
        let categories = numeric ? nil : Array(distinctInOrder(values))
        let series = studied.map { p in
            HTMLChart.Series(label: "\(outcome.policies[p]) − \(baseline)", points: tables.points.map { point in
                let d = difference(point, p).differences
                let x = numeric ? Double(point.parameterValues[0])! : Double(categories!.firstIndex(of: point.parameterValues[0])!)
                return (x, d.mean, d.lower, d.upper)
            }, colour: HTMLChart.colour(p))
        }
        return HTMLChart.lines(series, label: "profit difference against \(baseline) by \(tables.parameterNames[0])",
                               xTitle: tables.parameterNames[0], yTitle: "profit difference (€)", categories: categories,
                               format: { HTMLText.number($0, signed: true) })
    }

    func tornado(policy p: Int) -> String {
        let names = tables.parameterNames
        guard let base = tables.points.first(where: { $0.index == 0 }) else { return "" }
        let baseDifference = difference(base, p).differences.mean
        var rows: [(width: Double, row: HTMLChart.Row)] = []
        for (i, name) in names.enumerated() {
            // The points of parameter i: the base, and those that differ from it only there.
            let own = tables.points.filter { point in
                names.indices.allSatisfy { $0 == i || point.parameterValues[$0] == base.parameterValues[$0] }
            }
            let means = own.map { ($0.parameterValues[i], difference($0, p).differences.mean) }.filter { $0.1.isFinite }
            guard let low = means.min(by: { $0.1 < $1.1 }), let high = means.max(by: { $0.1 < $1.1 }) else { continue }
            rows.append((high.1 - low.1, HTMLChart.Row(label: name, detail: "base \(base.parameterValues[i])", mean: baseDifference,
                                                       lower: low.1, upper: high.1, style: .bar,
                                                       endLabels: ("\(low.0)", "\(high.0)"), colour: HTMLChart.colour(p))))
        }
        // Longest bar first; ties keep the parameters' order.
        let sorted = rows.enumerated().sorted { a, b in a.element.width != b.element.width ? a.element.width > b.element.width : a.offset < b.offset }
        return "<h3>\(HTMLText.escape("\(outcome.policies[p]) − \(baseline)"))</h3>\n"
            + HTMLChart.rows(sorted.map(\.element.row), label: "tornado of the profit difference of \(outcome.policies[p]) against \(baseline)",
                             axisTitle: "mean profit difference against '\(baseline)' (€)", zero: true,
                             format: { HTMLText.number($0, signed: true) })
    }

    /// The two parameters' values in order of appearance, and the point at each pair; nil when
    /// the points are not a grid (a Latin hypercube of two parameters).
    func grid() -> (columns: [String], rows: [String], points: [String: ResultTables.Point])? {
        let columns = distinctInOrder(tables.points.map { $0.parameterValues[0] })
        let rows = distinctInOrder(tables.points.map { $0.parameterValues[1] })
        var points: [String: ResultTables.Point] = [:]
        for point in tables.points { points[point.parameterValues[0] + "\u{1F}" + point.parameterValues[1]] = point }
        guard points.count == tables.points.count, columns.count * rows.count <= max(tables.points.count * 2, 4) else { return nil }
        return (columns, rows, points)
    }

    func map(policy p: Int, grid: (columns: [String], rows: [String], points: [String: ResultTables.Point])) -> String {
        let names = tables.parameterNames
        return "<h3>\(HTMLText.escape("\(outcome.policies[p]) − \(baseline)"))</h3>\n"
            + HTMLChart.map(columns: grid.columns, rows: grid.rows, value: { j, i in
                guard let point = grid.points[grid.columns[j] + "\u{1F}" + grid.rows[i]] else { return nil }
                let c = difference(point, p)
                return (c.differences.mean, c.differences.lower > 0 || c.differences.upper < 0)
            }, label: "map of the profit difference of \(outcome.policies[p]) against \(baseline)", xTitle: names[0], yTitle: names[1],
            format: { HTMLText.number($0, signed: true) })
    }

    func pointTable() -> String {
        var header = ["point"] + tables.parameterNames
        for p in studied { header += ["\(outcome.policies[p]) − \(baseline) [\(confidence) % CI]", "better/tied/worse", "verdict"] }
        return HTMLReport.table(header, tables.points.map { point in
            var cells = [HTMLReport.Cell.number(String(point.index))] + point.parameterValues.map { HTMLReport.Cell(text: $0) }
            for p in studied {
                let c = difference(point, p)
                cells += [.number(HTMLText.euros(c.differences, signed: true)), .number(TextReport.shares(c)), HTMLReport.verdictCell(c)]
            }
            return cells
        })
    }
}

/// `values` without repeats, in order of first appearance.
func distinctInOrder(_ values: [String]) -> [String] {
    var seen = Set<String>()
    return values.filter { seen.insert($0).inserted }
}
