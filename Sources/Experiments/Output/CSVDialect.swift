/// The dialect of the finished CSV files of a result folder (`--csv-dialect`).
///
/// The tables are always made as RFC 4180 text (`CSVFormat`); a dialect is applied to a
/// finished file's text when it is written (`render`), and taken off when a reader reads it
/// back (`restore`), so nothing but the bytes on disk depends on it. The partial row files of
/// a run in progress (`*.partial.csv`) are always RFC 4180.
///
/// `excelEU` is what a spreadsheet set to a European locale opens without an import dialog:
/// `;` between fields and a decimal comma. Field by field:
/// - a quoted field is copied as it is (its bytes, quotes included);
/// - an unquoted number as `CSVFormat` writes it (`-1.5`, `2.5e-05`, `1e+20`) gets a comma for
///   its point (`-1,5`); integers and empty cells are unchanged;
/// - any other unquoted field holding a `;` is quoted (RFC 4180 quoting: quotes doubled).
/// `restore` undoes exactly that, so `restore(render(t)) == t` for every text `CSVFormat`
/// writes, byte for byte.
public enum CSVDialect: String, Sendable, CaseIterable, Codable {
    case rfc4180
    case excelEU = "excel-eu"

    public var separator: UInt8 { self == .rfc4180 ? UInt8(ascii: ",") : UInt8(ascii: ";") }

    /// What `--csv-dialect` accepts, for messages.
    public static let allowed = "rfc4180 (',' between fields, '.' decimals; the default) or excel-eu (';' between fields, ',' decimals)"

    /// The RFC 4180 text `rfc` in this dialect.
    public func render(_ rfc: String) -> String {
        guard self == .excelEU else { return rfc }
        return String(decoding: Self.convert(Array(rfc.utf8), from: UInt8(ascii: ","), to: UInt8(ascii: ";"), toEU: true), as: UTF8.self)
    }

    /// The text `text`, written in this dialect, as RFC 4180 bytes (what `CSVReader` reads).
    public func restore(_ bytes: [UInt8]) -> [UInt8] {
        guard self == .excelEU else { return bytes }
        return Self.convert(bytes, from: UInt8(ascii: ";"), to: UInt8(ascii: ","), toEU: false)
    }

    public func restore(_ text: String) -> String {
        self == .rfc4180 ? text : String(decoding: restore(Array(text.utf8)), as: UTF8.self)
    }

    private static let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// One pass over the fields of `bytes` separated by `from`, written separated by `to`.
    /// A text that ends inside a quote (a torn file) keeps its tail as it is, for the reader to
    /// find torn.
    private static func convert(_ bytes: [UInt8], from: UInt8, to: UInt8, toEU: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        var index = 0
        var start = 0   // start of the current unquoted field
        func endField(_ end: Int) {
            let field = bytes[start..<end]
            if toEU {
                if isNumber(field, point: UInt8(ascii: ".")) {
                    out.append(contentsOf: field.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: ",") : $0 })
                } else if field.contains(UInt8(ascii: ";")) {
                    out.append(quote)
                    for byte in field {
                        if byte == quote { out.append(quote) }
                        out.append(byte)
                    }
                    out.append(quote)
                } else {
                    out.append(contentsOf: field)
                }
            } else {
                if isNumber(field, point: UInt8(ascii: ",")) {
                    out.append(contentsOf: field.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 })
                } else {
                    out.append(contentsOf: field)
                }
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote, index == start {
                // A quoted field: find its closing quote (a doubled quote is content).
                var end = index + 1
                var closed = false
                while end < bytes.count {
                    if bytes[end] == quote {
                        if end + 1 < bytes.count, bytes[end + 1] == quote { end += 2; continue }
                        closed = true
                        break
                    }
                    end += 1
                }
                guard closed else { out.append(contentsOf: bytes[index...]); return out }
                let raw = bytes[index...end]
                if !toEU, let plain = unquotedInRFC(raw) {
                    out.append(contentsOf: plain)   // quoted only for its ';'
                } else {
                    out.append(contentsOf: raw)
                }
                index = end + 1
                start = index
                // What follows a closing quote is copied by the loop (a separator or a line end).
                if index < bytes.count, bytes[index] != from, bytes[index] != newline, bytes[index] != cr {
                    // Malformed (text after a closing quote): copy the rest of the field as it is.
                    while index < bytes.count, bytes[index] != from, bytes[index] != newline { out.append(bytes[index]); index += 1 }
                    start = index
                }
                continue
            }
            if byte == from || byte == newline || byte == cr {
                endField(index)
                out.append(byte == from ? to : byte)
                index += 1
                start = index
                continue
            }
            index += 1
        }
        if start < bytes.count { endField(bytes.count) }
        return out
    }

    /// The content of a quoted field of the excel-eu text when RFC 4180 writes it unquoted:
    /// it holds no comma, quote or line break (so it was quoted for a ';' only).
    private static func unquotedInRFC(_ raw: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let content = raw.dropFirst().dropLast()
        guard !content.contains(where: { $0 == UInt8(ascii: ",") || $0 == quote || $0 == newline || $0 == cr }),
              content.contains(UInt8(ascii: ";")) else { return nil }
        return content
    }

    /// A decimal number as `CSVFormat` writes it, with `point` as its decimal separator and a
    /// point (required: an integer is the same in both dialects): `[+-]digits point digits`,
    /// then an optional exponent `e[+-]digits`.
    static func isNumber(_ field: ArraySlice<UInt8>, point: UInt8) -> Bool {
        var i = field.startIndex
        let end = field.endIndex
        func digits() -> Int {
            let from = i
            while i < end, field[i] >= 48, field[i] <= 57 { i += 1 }
            return i - from
        }
        if i < end, field[i] == UInt8(ascii: "-") || field[i] == UInt8(ascii: "+") { i += 1 }
        let whole = digits()
        guard i < end, field[i] == point else { return false }
        i += 1
        let fraction = digits()
        guard whole + fraction > 0 else { return false }
        if i < end, field[i] == UInt8(ascii: "e") || field[i] == UInt8(ascii: "E") {
            i += 1
            if i < end, field[i] == UInt8(ascii: "-") || field[i] == UInt8(ascii: "+") { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == end
    }
}
