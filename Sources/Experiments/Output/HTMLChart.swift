import Foundation

/// The inline SVG charts of `report.html`: a horizontal chart of rows (each with optional
/// per-replication dots, a mean, an interval or a bar, and labelled marks), a line chart with a
/// confidence band, and a map of coloured cells. No script, no external reference: every chart
/// is plain SVG elements with their style in attributes, so it prints and renders offline.
///
/// Coordinates are written with one decimal (`HTMLText.coordinate`) and every jitter is a
/// function of the row and the replication's position, so the same tables give the same bytes.
enum HTMLChart {
    static let palette = ["#1f5fa8", "#c0392b", "#2e8b57", "#7d3c98", "#d35400", "#5d6d7e"]
    static func colour(_ i: Int) -> String { palette[i % palette.count] }

    /// A linear map from a domain of values to a range of pixels.
    struct Scale {
        var low: Double, high: Double
        var from: Double, to: Double

        /// A domain covering `values` (and 0 when `includeZero`), padded by 4 % each side.
        init(covering values: [Double], includeZero: Bool, from: Double, to: Double) {
            var finite = values.filter(\.isFinite)
            if includeZero { finite.append(0) }
            var lo = finite.min() ?? 0, hi = finite.max() ?? 1
            if hi - lo < 1e-9 { lo -= max(abs(lo) * 0.1, 1); hi += max(abs(hi) * 0.1, 1) }
            let pad = (hi - lo) * 0.04
            low = lo - pad; high = hi + pad
            self.from = from; self.to = to
        }

        init(low: Double, high: Double, from: Double, to: Double) {
            self.low = low; self.high = high; self.from = from; self.to = to
        }

        func callAsFunction(_ x: Double) -> Double { from + (x - low) / (high - low) * (to - from) }

        /// Round tick values (steps of 1, 2 or 5 × 10^k), about `count` of them.
        func ticks(_ count: Int = 6) -> [Double] {
            let span = high - low
            guard span > 0, span.isFinite else { return [] }
            let raw = span / Double(count)
            let magnitude = pow(10, (log10(raw)).rounded(.down))
            let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
            var tick = (low / step).rounded(.up) * step
            var out: [Double] = []
            while tick <= high + step * 1e-9 {
                out.append(abs(tick) < step * 1e-9 ? 0 : tick)
                tick += step
            }
            return out
        }
    }

    static func c(_ x: Double) -> String { HTMLText.coordinate(x) }

    static func text(_ x: Double, _ y: Double, _ content: String, anchor: String = "start", size: Int = 12,
                     weight: String? = nil, fill: String = "#222") -> String {
        "<text x=\"\(c(x))\" y=\"\(c(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\" fill=\"\(fill)\""
            + (weight.map { " font-weight=\"\($0)\"" } ?? "") + ">\(HTMLText.escape(content))</text>"
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "#222", width: Double = 1,
                     dash: String? = nil) -> String {
        "<line x1=\"\(c(x1))\" y1=\"\(c(y1))\" x2=\"\(c(x2))\" y2=\"\(c(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(c(width))\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
    }

    static func svg(width: Double, height: Double, label: String, body: [String]) -> String {
        "<svg viewBox=\"0 0 \(c(width)) \(c(height))\" width=\"100%\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\" font-family=\"sans-serif\">"
            + "<title>\(HTMLText.escape(label))</title>\n" + body.joined(separator: "\n") + "\n</svg>"
    }

    // MARK: Horizontal rows

    /// One row of a horizontal chart.
    struct Row {
        enum Style { case interval, bar }
        var label: String
        /// A second, smaller line under the label (e.g. the outcome's probability).
        var detail: String = ""
        /// Per-replication values, drawn as a jittered strip.
        var dots: [Double] = []
        var mean: Double = .nan
        var lower: Double = .nan
        var upper: Double = .nan
        var style: Style = .interval
        /// Short ticks with a label above (p5, p50, p95).
        var marks: [(value: Double, label: String)] = []
        /// Labels at the ends of a bar (a tornado's swept values), left and right.
        var endLabels: (String, String)? = nil
        var colour: String = HTMLChart.colour(0)
    }

    /// Rows stacked top to bottom against one horizontal axis; `zero` draws the line at 0
    /// (where a difference changes sign); `format` writes the axis' ticks.
    static func rows(_ rows: [Row], label: String, axisTitle: String, zero: Bool, format: (Double) -> String,
                     domain: (Double, Double)? = nil) -> String {
        let width = 960.0, left = 230.0, right = 30.0, top = 14.0
        let hasDots = rows.contains { !$0.dots.isEmpty }
        let rowHeight = hasDots ? 56.0 : 34.0
        let plotBottom = top + rowHeight * Double(rows.count)
        let height = plotBottom + 46
        var values: [Double] = []
        for row in rows { values += row.dots + [row.mean, row.lower, row.upper] + row.marks.map(\.value) }
        let x = domain.map { Scale(low: $0.0, high: $0.1, from: left, to: width - right) }
            ?? Scale(covering: values, includeZero: zero, from: left, to: width - right)
        var body: [String] = []
        for tick in x.ticks() {
            body.append(line(x(tick), top, x(tick), plotBottom, stroke: "#e3e3e3"))
            body.append(text(x(tick), plotBottom + 16, format(tick), anchor: "middle", size: 11, fill: "#444"))
        }
        body.append(line(left, plotBottom, width - right, plotBottom, stroke: "#888"))
        body.append(text((left + width - right) / 2, plotBottom + 36, axisTitle, anchor: "middle", size: 12, fill: "#444"))
        if zero, x.low < 0, x.high > 0 { body.append(line(x(0), top - 4, x(0), plotBottom, stroke: "#222", width: 1.2, dash: "4 3")) }
        for (i, row) in rows.enumerated() {
            let y0 = top + rowHeight * Double(i)
            let mid = y0 + rowHeight / 2
            if i % 2 == 1 { body.append("<rect x=\"0\" y=\"\(c(y0))\" width=\"\(c(width))\" height=\"\(c(rowHeight))\" fill=\"#f6f6f6\"/>") }
            // A long label (a deep dot path) keeps its end, the part that names the field.
            let shown = row.label.count > 34 ? "…" + row.label.suffix(33) : row.label
            body.append(text(left - 10, row.detail.isEmpty ? mid + 4 : mid - 2, shown, anchor: "end", size: 12))
            if !row.detail.isEmpty { body.append(text(left - 10, mid + 12, row.detail, anchor: "end", size: 10, fill: "#555")) }
            for (r, value) in row.dots.enumerated() where value.isFinite {
                // A golden-ratio jitter: spread, deterministic, no random numbers.
                let jitter = (Double(r) * 0.618_033_988_75).truncatingRemainder(dividingBy: 1) - 0.5
                body.append("<circle cx=\"\(c(x(value)))\" cy=\"\(c(mid + jitter * rowHeight * 0.55))\" r=\"2.2\" fill=\"\(row.colour)\" fill-opacity=\"0.35\"/>")
            }
            if row.lower.isFinite, row.upper.isFinite {
                switch row.style {
                case .interval:
                    body.append(line(x(row.lower), mid, x(row.upper), mid, stroke: "#111", width: 2.5))
                    body.append(line(x(row.lower), mid - 6, x(row.lower), mid + 6, stroke: "#111", width: 2))
                    body.append(line(x(row.upper), mid - 6, x(row.upper), mid + 6, stroke: "#111", width: 2))
                case .bar:
                    let a = min(x(row.lower), x(row.upper)), b = max(x(row.lower), x(row.upper))
                    body.append("<rect x=\"\(c(a))\" y=\"\(c(mid - 9))\" width=\"\(c(max(b - a, 1)))\" height=\"18\" fill=\"\(row.colour)\" fill-opacity=\"0.75\"/>")
                }
            }
            if let (l, r) = row.endLabels, row.lower.isFinite, row.upper.isFinite {
                body.append(text(min(x(row.lower), x(row.upper)) - 4, mid + 4, l, anchor: "end", size: 10, fill: "#333"))
                body.append(text(max(x(row.lower), x(row.upper)) + 4, mid + 4, r, anchor: "start", size: 10, fill: "#333"))
            }
            for mark in row.marks where mark.value.isFinite {
                body.append(line(x(mark.value), mid - 10, x(mark.value), mid + 10, stroke: "#333", width: 1.5))
                body.append(text(x(mark.value), mid - 13, mark.label, anchor: "middle", size: 9, fill: "#333"))
            }
            if row.mean.isFinite {
                body.append("<circle cx=\"\(c(x(row.mean)))\" cy=\"\(c(mid))\" r=\"5\" fill=\"#fff\" stroke=\"#111\" stroke-width=\"2\"/>")
            }
        }
        return svg(width: width, height: height, label: label, body: body)
    }

    // MARK: Line with a band

    /// One series of a line chart: a value with its interval at each x.
    struct Series {
        var label: String
        var points: [(x: Double, mean: Double, lower: Double, upper: Double)]
        var colour: String
    }

    /// Series against a numeric x (or positions, with `categories` naming them), each a line
    /// through its means inside its confidence band, with the zero line.
    static func lines(_ series: [Series], label: String, xTitle: String, yTitle: String, categories: [String]?,
                      format: (Double) -> String) -> String {
        let width = 960.0, left = 100.0, right = 30.0, top = 20.0, plotHeight = 340.0
        let plotBottom = top + plotHeight
        let legendTop = plotBottom + 52
        let height = legendTop + 20 * Double(series.count) + 10
        let xs = series.flatMap { $0.points.map(\.x) }
        let x = categories == nil ? Scale(covering: xs, includeZero: false, from: left, to: width - right)
            : Scale(low: -0.5, high: Double(max(categories!.count, 1)) - 0.5, from: left, to: width - right)
        let ys = series.flatMap { $0.points.flatMap { [$0.mean, $0.lower, $0.upper] } }
        let y = Scale(covering: ys, includeZero: true, from: plotBottom, to: top)
        var body: [String] = []
        for tick in y.ticks() {
            body.append(line(left, y(tick), width - right, y(tick), stroke: "#e3e3e3"))
            body.append(text(left - 8, y(tick) + 4, format(tick), anchor: "end", size: 11, fill: "#444"))
        }
        let xTicks: [(Double, String)] = categories.map { names in names.enumerated().map { (Double($0.offset), $0.element) } }
            ?? x.ticks().map { ($0, HTMLText.number($0)) }
        for (value, name) in xTicks {
            body.append(line(x(value), plotBottom, x(value), plotBottom + 5, stroke: "#888"))
            body.append(text(x(value), plotBottom + 18, name, anchor: "middle", size: 11, fill: "#444"))
        }
        body.append(line(left, plotBottom, width - right, plotBottom, stroke: "#888"))
        body.append(line(left, top, left, plotBottom, stroke: "#888"))
        if y.low < 0, y.high > 0 { body.append(line(left, y(0), width - right, y(0), stroke: "#222", width: 1.2, dash: "4 3")) }
        body.append(text((left + width - right) / 2, plotBottom + 38, xTitle, anchor: "middle", size: 12, fill: "#444"))
        body.append("<text x=\"16\" y=\"\(c((top + plotBottom) / 2))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#444\" transform=\"rotate(-90 16 \(c((top + plotBottom) / 2)))\">\(HTMLText.escape(yTitle))</text>")
        for (i, s) in series.enumerated() {
            let defined = s.points.filter { $0.mean.isFinite }.sorted { $0.x < $1.x }
            let banded = defined.filter { $0.lower.isFinite && $0.upper.isFinite }
            if banded.count > 1 {
                let outline = banded.map { "\(c(x($0.x))),\(c(y($0.upper)))" } + banded.reversed().map { "\(c(x($0.x))),\(c(y($0.lower)))" }
                body.append("<polygon points=\"\(outline.joined(separator: " "))\" fill=\"\(s.colour)\" fill-opacity=\"0.18\" stroke=\"none\"/>")
            }
            for p in banded {
                body.append(line(x(p.x), y(p.lower), x(p.x), y(p.upper), stroke: s.colour, width: 1.5))
            }
            if defined.count > 1 {
                body.append("<polyline points=\"\(defined.map { "\(c(x($0.x))),\(c(y($0.mean)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(s.colour)\" stroke-width=\"2.5\"/>")
            }
            for p in defined {
                body.append("<circle cx=\"\(c(x(p.x)))\" cy=\"\(c(y(p.mean)))\" r=\"4\" fill=\"\(s.colour)\"/>")
            }
            let ly = legendTop + 20 * Double(i)
            body.append("<rect x=\"\(c(left))\" y=\"\(c(ly - 9))\" width=\"22\" height=\"10\" fill=\"\(s.colour)\" fill-opacity=\"0.5\"/>")
            body.append(text(left + 30, ly, s.label, size: 12))
        }
        return svg(width: width, height: height, label: label, body: body)
    }

    // MARK: Map of cells

    /// A grid of cells coloured by a signed value (blue above 0, red below, white at 0, the
    /// colour's strength by |value| against the largest), each with its value written signed
    /// and, when its interval excludes 0, in bold with a frame.
    static func map(columns: [String], rows: [String], value: (Int, Int) -> (mean: Double, clear: Bool)?, label: String,
                    xTitle: String, yTitle: String, format: (Double) -> String) -> String {
        let left = 150.0, top = 20.0
        let cellWidth = min(120.0, 780.0 / Double(max(columns.count, 1))), cellHeight = 40.0
        let width = left + cellWidth * Double(columns.count) + 30
        let plotBottom = top + cellHeight * Double(rows.count)
        let height = plotBottom + 70
        var largest = 0.0
        for i in rows.indices { for j in columns.indices { if let v = value(j, i), v.mean.isFinite { largest = max(largest, abs(v.mean)) } } }
        var body: [String] = []
        for (i, rowName) in rows.enumerated() {
            // The first row of values at the bottom, as on a plot's y axis.
            let y0 = plotBottom - cellHeight * Double(i + 1)
            body.append(text(left - 8, y0 + cellHeight / 2 + 4, rowName, anchor: "end", size: 11, fill: "#444"))
            for j in columns.indices {
                let x0 = left + cellWidth * Double(j)
                guard let v = value(j, i), v.mean.isFinite else {
                    body.append("<rect x=\"\(c(x0))\" y=\"\(c(y0))\" width=\"\(c(cellWidth))\" height=\"\(c(cellHeight))\" fill=\"#fff\" stroke=\"#ccc\"/>")
                    body.append(text(x0 + cellWidth / 2, y0 + cellHeight / 2 + 4, "—", anchor: "middle", size: 11, fill: "#777"))
                    continue
                }
                let strength = largest > 0 ? abs(v.mean) / largest : 0
                let fill = mix(v.mean >= 0 ? (33, 102, 172) : (178, 24, 43), strength * 0.85)
                body.append("<rect x=\"\(c(x0))\" y=\"\(c(y0))\" width=\"\(c(cellWidth))\" height=\"\(c(cellHeight))\" fill=\"\(fill)\" stroke=\"\(v.clear ? "#111" : "#fff")\" stroke-width=\"\(v.clear ? "2" : "1")\"/>")
                body.append(text(x0 + cellWidth / 2, y0 + cellHeight / 2 + 4, format(v.mean), anchor: "middle", size: 11,
                                 weight: v.clear ? "bold" : nil, fill: strength > 0.55 ? "#fff" : "#111"))
            }
        }
        for (j, name) in columns.enumerated() {
            body.append(text(left + cellWidth * (Double(j) + 0.5), plotBottom + 16, name, anchor: "middle", size: 11, fill: "#444"))
        }
        body.append(text(left + cellWidth * Double(columns.count) / 2, plotBottom + 36, xTitle, anchor: "middle", size: 12, fill: "#444"))
        body.append(text(8, top - 6, yTitle, size: 12, fill: "#444"))
        return svg(width: width, height: height, label: label, body: body)
    }

    /// White mixed with `colour` by `t` in [0, 1], as #rrggbb.
    static func mix(_ colour: (Int, Int, Int), _ t: Double) -> String {
        func channel(_ c: Int) -> Int { Int((255 + (Double(c) - 255) * min(max(t, 0), 1)).rounded()) }
        return String(format: "#%02x%02x%02x", channel(colour.0), channel(colour.1), channel(colour.2))
    }
}
