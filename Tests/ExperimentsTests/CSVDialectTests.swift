import Foundation
import Testing
@testable import Experiments

/// `CSVDialect`: the excel-eu rendering of an RFC 4180 text, field by field, and its inverse.
@Suite("CSV dialects")
struct CSVDialectTests {
    @Test("excel-eu: ';' between fields, a decimal comma in numbers; quoted fields intact; text with ';' quoted")
    func fields() {
        let rfc = "name,value,note\n"
            + "a,-1.5,\"x, y\"\n"                  // a negative number; a quoted field with a comma
            + "b,2.5e-05,\"say \"\"hi\"\"\"\n"     // an exponent; doubled quotes
            + "c,1e+20,\n"                           // an exponent without a point; an empty cell
            + "d,42,a;b\n"                           // an integer; text with ';'
            + ",,\n"                                 // empty cells only
            + "1.2.3,.5,-.5\n"                       // not a number; numbers without a whole part
            + "n/a,1.5E+300,\"two\nlines 1.5\"\n"   // text; a capital exponent; a quoted line break
        let eu = CSVDialect.excelEU.render(rfc)
        #expect(eu == "name;value;note\n"
            + "a;-1,5;\"x, y\"\n"
            + "b;2,5e-05;\"say \"\"hi\"\"\"\n"
            + "c;1e+20;\n"
            + "d;42;\"a;b\"\n"
            + ";;\n"
            + "1.2.3;,5;-,5\n"
            + "n/a;1,5E+300;\"two\nlines 1.5\"\n")
        #expect(CSVDialect.excelEU.restore(eu) == rfc)
        #expect(CSVDialect.rfc4180.render(rfc) == rfc && CSVDialect.rfc4180.restore(rfc) == rfc)
    }

    @Test("what CSVFormat writes comes back byte for byte; the excel-eu fields read with ';' are the RFC fields, numbers with a comma")
    func roundTrip() throws {
        let numbers: [Double] = [0, -3, 0.1, -1.0 / 3, 1e-7, 123_456_789.125, -2.5e300, .nan, 5e-324, 1e15, -1e22]
        let texts = ["plain", "a,b", "say \"hi\"", "semi;colon", "both;,", "two\nlines", "", "-1.5 x", "1.5"]
        let rfc = CSVFormat.row(texts.map(CSVFormat.text)) + CSVFormat.row(numbers.map(CSVFormat.number))
        let eu = CSVDialect.excelEU.render(rfc)
        #expect(CSVDialect.excelEU.restore(eu) == rfc)
        let parsed = try CSVReader.records(CSVDialect.excelEU.restore(Array(eu.utf8)))
        #expect(parsed.records[0] == texts)
        #expect(parsed.records[1] == numbers.map(CSVFormat.number))
        // The numbers row in excel-eu: the same cells with ',' for '.', separated by ';'.
        #expect(eu.split(separator: "\n", omittingEmptySubsequences: false)[2]
                == numbers.map { CSVFormat.number($0).replacingOccurrences(of: ".", with: ",") }.joined(separator: ";"))
    }

    @Test("a torn last row stays torn after restore (the reader cuts it)")
    func torn() throws {
        let eu = "a;b\n1,5;\"open;\n"
        let parsed = try CSVReader.records(CSVDialect.excelEU.restore(Array(eu.utf8)))
        #expect(parsed.records == [["a", "b"]])
        #expect(parsed.tornBytes > 0)
    }
}
