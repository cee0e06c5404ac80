import CompanyModel

/// `report.html`: one self-contained page from the result tables — the recommendation in plain
/// words, profit by policy as a distribution, the difference by outcome of the key client's
/// response, the risk, the value of information, the side effects on staff and clients, the
/// sweep's chart when there is one, and what produced the files.
///
/// Why from `ResultTables` and `SweepManifest` only: they are what `run`, `sweep`, `merge` and
/// `report` all hold (the tables rebuilt from the rows, the plan from `sweep.json`), so the four
/// give the same bytes. Nothing is read from the scenario file (a merge has only its name),
/// from the clock or from the command line.
///
/// The page has no script and no external reference (inline CSS, inline SVG, system fonts), so
/// it opens offline, in a mail attachment or from an archive, and prints (`@media print`).
/// Every section is a `<section>` with a stable `id` (`HTMLReport.sectionIDs`) for links and
/// checks. Text is escaped (`HTMLText.escape`).
///
/// Sweeps: the per-point sections describe one point, the *focus* — the base point of a
/// one-at-a-time design (its point 0), otherwise point 0 — and say which; the `sweep` section
/// shows every point.
public enum HTMLReport {
    /// The page's name in the result folder.
    public static let fileName = "report.html"

    /// The ids of the page's sections, in order (`sweep` only when parameters were swept).
    public static let sectionIDs = ["recommendation", "profit-distribution", "difference-by-outcome", "risk",
                                    "value-of-information", "side-effects", "sweep", "about"]

    /// The side-effect metrics shown, in order.
    static let sideEffects: [Metric] = [.otherOnTimeRate, .overtimeHours, .absenceDays, .burnoutEpisodes, .resignations,
                                        .accountManagerMeanStress, .accountManagerAbuseIncidents, .clientsLost, .activeClientsEnd]

    /// The page for `tables` (whole: every point, every replication) made under `manifest`.
    public static func render(_ tables: ResultTables, manifest: SweepManifest) -> String {
        var sections: [String] = []
        if let focus = tables.points.first {
            let page = Page(tables: tables, manifest: manifest, focus: focus, figures: DecisionFigures(focus.outcome))
            sections = [page.recommendation(), page.profitDistribution(), page.differenceByOutcome(), page.risk(),
                        page.valueOfInformation(), page.sideEffects()]
            if !manifest.parameterNames.isEmpty { sections.append(page.sweep()) }
        } else {
            sections = [section("recommendation", "Recommendation", ["<p>No replication was found: there is nothing to report.</p>"])]
        }
        sections.append(about(tables, manifest: manifest))
        let title = "\(manifest.scenarioName): what-if report"
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        <header><h1>\(HTMLText.escape(title))</h1></header>
        <main>
        \(sections.joined(separator: "\n"))
        </main>
        </body>
        </html>

        """
    }

    static let css = """
    body { font-family: system-ui, sans-serif; color: #111; background: #fff; max-width: 1000px; margin: 1.5em auto; padding: 0 1em; line-height: 1.45; }
    h1 { font-size: 1.6em; margin-bottom: 0.2em; }
    h2 { font-size: 1.25em; border-bottom: 1px solid #bbb; padding-bottom: 0.15em; margin-top: 1.8em; }
    h3 { font-size: 1.05em; margin-bottom: 0.3em; }
    p.lead { font-size: 1.1em; }
    p.note { color: #444; font-size: 0.9em; }
    strong.policy { font-size: 1.15em; }
    table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.9em; }
    th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    th { background: #f0f0f0; }
    td.better { color: #1a5e20; } td.worse { color: #a51d1d; }
    svg { display: block; margin: 0.5em 0 1em; max-width: 100%; height: auto; }
    dl { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
    dt { font-weight: bold; } dd { margin: 0; }
    @media print { body { max-width: none; margin: 0; font-size: 10pt; } section { break-inside: avoid-page; } h2 { break-after: avoid; } th { background: #eee; } }
    """

    static func section(_ id: String, _ heading: String, _ body: [String]) -> String {
        "<section id=\"\(id)\">\n<h2>\(HTMLText.escape(heading))</h2>\n" + body.joined(separator: "\n") + "\n</section>"
    }

    static func paragraph(_ text: String, note: Bool = false) -> String {
        note ? "<p class=\"note\">\(HTMLText.escape(text))</p>" : "<p>\(HTMLText.escape(text))</p>"
    }

    /// A table: the header cells, then rows of (text, is-number) cells, every text escaped.
    static func table(_ header: [String], _ rows: [[Cell]]) -> String {
        var html = "<table>\n<thead><tr>" + header.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>" + row.map { cell in
                let classes = [cell.numeric ? "num" : nil, cell.tone].compactMap { $0 }
                return "<td" + (classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"") + ">\(HTMLText.escape(cell.text))</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>"
    }

    struct Cell {
        var text: String
        var numeric = false
        /// "better" or "worse" colours the cell's text.
        var tone: String? = nil
        static func number(_ text: String, tone: String? = nil) -> Cell { Cell(text: text, numeric: true, tone: tone) }
    }

    static func verdictCell(_ c: PairedComparison) -> Cell {
        switch c.verdict {
        case .better: return Cell(text: "better", tone: "better")
        case .worse: return Cell(text: "worse", tone: "worse")
        case .noClearDifference: return Cell(text: "no clear difference")
        case .notApplicable: return Cell(text: "—")
        }
    }

    static func about(_ tables: ResultTables, manifest m: SweepManifest) -> String {
        let confidence = Int((m.confidence * 100).rounded())
        var items: [(String, String)] = [
            ("scenario", m.scenarioName),
            ("policies", m.policies.enumerated().map { $0.offset == 0 ? "\($0.element) (baseline)" : $0.element }.joined(separator: ", ")),
            ("replications", "\(m.replications) per policy" + (m.pointValues.count > 1 ? " and point" : "")
                + (m.precision.map { " at most (sequential precision: \($0))" } ?? "")),
            ("seed", String(m.seed)),
            ("confidence", "\(confidence) %"),
            ("outcomes", m.outcomes == OutcomeMode.sampled.rawValue
                ? "one outcome of the key client's response drawn per replication (--sample-outcomes)"
                : "every outcome of the key client's response simulated in every replication, weighed by its probability"),
        ]
        if !m.parameterNames.isEmpty {
            items.append(("sweep", "\(m.design) design over \(m.parameterNames.joined(separator: ", ")); \(m.pointValues.count) points"))
        }
        items.append(("produced by", "bigclient \(m.version), from the scenario file with SHA-256 \(m.scenarioSHA256.isEmpty ? "—" : m.scenarioSHA256)"))
        items.append(("files", "this page is built from the same tables as replications.csv, outcomes.csv, summary.csv, comparison.csv and decision.csv beside it (plan: sweep.json); 'bigclient report DIR' rebuilds it from them"))
        let list = "<dl>\n" + items.map { "<dt>\(HTMLText.escape($0.0))</dt><dd>\(HTMLText.escape($0.1))</dd>" }.joined(separator: "\n") + "\n</dl>"
        return section("about", "About these results", [list,
            paragraph("Intervals are Student-t intervals at \(confidence) % over independent replications; differences against the baseline are paired (common random numbers). A verdict is 'better' or 'worse' only when the interval excludes 0.", note: true)])
    }
}
