import Testing

@testable import WithingsAPI

/// Hand-written getmeas answers at the edges of the lenient rules and of JSON: the scanner reads each as
/// JSONDecoder does, or declines it (and JSONDecoder decides).
@Suite struct MeasurePageScannerEdgeCaseTests {
    /// One case: a name, the answer, and whether the scanner should read it rather than decline.
    struct Case: Sendable, CustomTestStringConvertible {
        /// What the case is about.
        var name: String
        /// The answer.
        var json: String
        /// Whether the scanner reads it.
        var accepted: Bool
        /// The name, for test output.
        var testDescription: String { name }
    }

    /// A status-0 answer with one group holding `grpid` 1, `date` 2 and `members`.
    static func group(_ members: String) -> String {
        #"{"status":0,"body":{"updatetime":1700000000,"measuregrps":[{"grpid":1,"date":2,"#
            + members + #"}],"more":0,"offset":0}}"#
    }

    /// A status-0 answer with one group holding one measure of `members`.
    static func measure(_ members: String) -> String {
        group(#""measures":[{"# + members + "}]")
    }

    /// The cases, each with whether the scanner reads it.
    static let cases: [Case] = [
        Case(name: "plain", json: measure(#""value":70500,"unit":-3,"type":1"#), accepted: true),
        Case(
            name: "escapes in strings",
            json:
                #"{"status":0,"body":{"timezone":"Europe\/Paris \"q\" \\ \b\f\n\r\t \u00e9\u00C9 \ud83d\ude00","measuregrps":[{"grpid":1,"date":2,"deviceid":"a\u0062c","model":"Body\u002B","comment":"x\ty"}]}}"#,
            accepted: true),
        Case(
            name: "raw UTF-8", json: group(#""model":"Bödy ¥ € 😀","deviceid":"ü""#), accepted: true),
        Case(name: "NUL escape", json: group(#""model":"a\u0000b""#), accepted: true),
        Case(name: "lone high surrogate", json: group(#""model":"\ud800""#), accepted: false),
        Case(name: "lone low surrogate", json: group(#""model":"\udc00x""#), accepted: false),
        Case(name: "high surrogate then text", json: group(#""model":"\ud83dabc""#), accepted: false),
        Case(name: "unknown escape", json: group(#""model":"\x41""#), accepted: false),
        Case(name: "short hex escape", json: group(#""model":"\u41""#), accepted: false),
        Case(name: "raw control character", json: group("\"model\":\"a\u{01}b\""), accepted: false),
        Case(name: "raw control in unknown", json: group("\"comment\":\"a\u{09}b\""), accepted: false),
        Case(
            name: "nulls everywhere",
            json: group(
                #""attrib":null,"created":null,"modified":null,"category":null,"deviceid":null,"hash_deviceid":"h","model":null,"modelid":null,"measures":null,"comment":null"#
            ), accepted: true),
        Case(
            name: "null measure fields", json: measure(#""value":5,"type":1,"unit":null,"position":null"#),
            accepted: true),
        Case(
            name: "missing optionals", json: #"{"status":0,"body":{"measuregrps":[{"grpid":1,"date":2}]}}"#,
            accepted: true),
        Case(
            name: "numbers as strings",
            json:
                #"{"status":"0","body":{"measuregrps":[{"grpid":"12","date":"+5","attrib":"-1","category":"2","modelid":"007","measures":[{"value":"-70500","unit":"-3","type":"1","position":"\u0031\u0032"}]}],"more":"1","offset":"20","updatetime":"1700000000"}}"#,
            accepted: true),
        Case(name: "word as number", json: group(#""attrib":"soon""#), accepted: false),
        Case(name: "empty string as number", json: group(#""created":"""#), accepted: false),
        Case(name: "spaced string as number", json: group(#""created":" 5""#), accepted: false),
        Case(name: "bool as number", json: group(#""category":true"#), accepted: false),
        Case(name: "object as number", json: measure(#""value":{},"type":1"#), accepted: false),
        Case(name: "negative value", json: measure(#""value":-5,"unit":-3,"type":1"#), accepted: true),
        Case(name: "minus zero", json: measure(#""value":-0,"type":1"#), accepted: true),
        Case(name: "decimal value truncates", json: measure(#""value":1.5,"type":1"#), accepted: true),
        Case(name: "negative decimal truncates", json: measure(#""value":-2.7,"type":1"#), accepted: true),
        Case(name: "whole decimal", json: measure(#""value":123.0,"type":1.0"#), accepted: true),
        Case(name: "exponent", json: measure(#""value":1e3,"unit":-2E+0,"type":1"#), accepted: true),
        Case(name: "decimal with exponent", json: measure(#""value":7.05E+4,"unit":-3,"type":1"#), accepted: true),
        Case(name: "negative exponent", json: measure(#""value":25e-1,"type":1"#), accepted: true),
        Case(name: "underflow", json: measure(#""value":1e-400,"type":1"#), accepted: true),
        Case(name: "nearly one", json: measure(#""value":0.99999999999999999,"type":1"#), accepted: true),
        Case(name: "overflowing exponent", json: measure(#""value":1e400,"type":1"#), accepted: false),
        Case(name: "eighteen digits", json: measure(#""value":999999999999999999,"type":1"#), accepted: true),
        Case(name: "nineteen digits", json: measure(#""value":1234567890123456789,"type":1"#), accepted: false),
        Case(name: "Int64 max", json: measure(#""value":9223372036854775807,"type":1"#), accepted: false),
        Case(name: "Int64 min", json: measure(#""value":-9223372036854775808,"type":1"#), accepted: false),
        Case(name: "past Int64", json: measure(#""value":99999999999999999999,"type":1"#), accepted: false),
        Case(name: "big decimal", json: measure(#""value":9007199254740993.0,"type":1"#), accepted: false),
        Case(name: "leading zero", json: measure(#""value":0123,"type":1"#), accepted: false),
        Case(name: "plus sign", json: measure(#""value":+1,"type":1"#), accepted: false),
        Case(name: "bare point", json: measure(#""value":1.,"type":1"#), accepted: false),
        Case(name: "bare exponent", json: measure(#""value":1e,"type":1"#), accepted: false),
        Case(name: "two points", json: measure(#""value":1.2.3,"type":1"#), accepted: false),
        Case(name: "minus only", json: measure(#""value":-,"type":1"#), accepted: false),
        Case(name: "device id as number", json: group(#""deviceid":12345"#), accepted: true),
        Case(name: "device id as whole decimal", json: group(#""deviceid":5.0"#), accepted: true),
        Case(name: "device id as fraction", json: group(#""deviceid":5.5"#), accepted: false),
        Case(name: "device id as bool", json: group(#""deviceid":true"#), accepted: false),
        Case(name: "hashed device id only", json: group(#""hash_deviceid":"abc""#), accepted: true),
        Case(name: "hashed device id as number", json: group(#""deviceid":null,"hash_deviceid":42"#), accepted: true),
        Case(
            name: "odd hashed id after a device id", json: group(#""deviceid":"d","hash_deviceid":{"x":[1]}"#),
            accepted: true),
        Case(name: "model as number", json: group(#""model":5"#), accepted: true),
        Case(name: "model as object", json: group(#""model":{"name":"Body+"}"#), accepted: true),
        Case(name: "timezone as number", json: #"{"status":0,"body":{"timezone":3600}}"#, accepted: true),
        Case(
            name: "unknown keys, nested",
            json: group(
                #""extra":{"a":[1,{"b":null,"c":[true,false,-1.5e-3]}],"d":"\u0041"},"list":[[],{},[[]]],"x":"y","position":3"#
            ), accepted: true),
        Case(
            name: "unknown measure keys", json: measure(#""value":1,"type":1,"algo":3,"fm":{"a":[]}"#), accepted: true),
        Case(
            name: "unknown body and envelope keys",
            json: #"{"status":0,"error":"none","x":[1],"body":{"y":{"z":null},"measuregrps":[]}}"#, accepted: true),
        Case(
            name: "unknown types, attribs, positions",
            json: group(
                #""attrib":42,"category":9,"measures":[{"value":1,"type":9999,"position":6},{"value":2,"type":-4,"position":77}]"#
            ), accepted: true),
        Case(
            name: "empty measuregrps", json: #"{"status":0,"body":{"measuregrps":[],"more":1,"offset":200}}"#,
            accepted: true),
        Case(name: "null measuregrps", json: #"{"status":0,"body":{"measuregrps":null}}"#, accepted: true),
        Case(name: "empty measures", json: group(#""measures":[]"#), accepted: true),
        Case(name: "empty group", json: #"{"status":0,"body":{"measuregrps":[{}]}}"#, accepted: false),
        Case(name: "null group", json: #"{"status":0,"body":{"measuregrps":[null]}}"#, accepted: false),
        Case(name: "null measure", json: group(#""measures":[null]"#), accepted: false),
        Case(name: "measure without value", json: measure(#""type":1"#), accepted: false),
        Case(name: "measure without type", json: measure(#""value":1"#), accepted: false),
        Case(name: "group without date", json: #"{"status":0,"body":{"measuregrps":[{"grpid":1}]}}"#, accepted: false),
        Case(name: "measuregrps as object", json: #"{"status":0,"body":{"measuregrps":{}}}"#, accepted: false),
        Case(name: "more as true", json: #"{"status":0,"body":{"more":true,"offset":5}}"#, accepted: true),
        Case(name: "more as false", json: #"{"status":0,"body":{"more":false}}"#, accepted: true),
        Case(name: "more as fraction", json: #"{"status":0,"body":{"more":0.5}}"#, accepted: true),
        Case(name: "more as minus zero", json: #"{"status":0,"body":{"more":-0.0}}"#, accepted: true),
        Case(name: "more as word", json: #"{"status":0,"body":{"more":"no"}}"#, accepted: true),
        Case(name: "more as string true", json: #"{"status":0,"body":{"more":"true"}}"#, accepted: true),
        Case(name: "more as string number", json: #"{"status":0,"body":{"more":"2.5"}}"#, accepted: true),
        Case(
            name: "more as null, offset as null", json: #"{"status":0,"body":{"more":null,"offset":null}}"#,
            accepted: true),
        Case(name: "more as array", json: #"{"status":0,"body":{"more":[]}}"#, accepted: false),
        Case(name: "offset as fraction", json: #"{"status":0,"body":{"offset":2.5}}"#, accepted: true),
        Case(
            name: "body first (emulator order)", json: #"{"body":{"measuregrps":[],"more":0},"status":0}"#,
            accepted: true),
        Case(name: "status as decimal", json: #"{"status":0.0,"body":{}}"#, accepted: true),
        Case(name: "error status", json: #"{"status":601,"body":{},"error":"too many"}"#, accepted: false),
        Case(name: "error status with odd body", json: #"{"status":401,"body":[1,2]}"#, accepted: false),
        Case(name: "no status", json: #"{"body":{}}"#, accepted: false),
        Case(name: "null status", json: #"{"status":null,"body":{}}"#, accepted: false),
        Case(name: "null body", json: #"{"status":0,"body":null}"#, accepted: true),
        Case(name: "no body", json: #"{"status":0}"#, accepted: true),
        Case(name: "body as array", json: #"{"status":0,"body":[]}"#, accepted: false),
        Case(
            name: "duplicate keys keep the first",
            json: group(#""grpid":3,"date":4,"model":"a","model":"b","attrib":1,"attrib":"x""#), accepted: true),
        Case(name: "duplicate status", json: #"{"status":0,"status":5,"body":{}}"#, accepted: true),
        Case(
            name: "duplicate measuregrps", json: #"{"status":0,"body":{"measuregrps":[],"measuregrps":7}}"#,
            accepted: true),
        Case(name: "escaped key", json: group(#""gr\u0070id":9"#), accepted: false),
        Case(name: "non-ASCII key", json: group(#""dåte":9"#), accepted: false),
        Case(
            name: "trailing comma in array", json: #"{"status":0,"body":{"measuregrps":[{"grpid":1,"date":2},]}}"#,
            accepted: false),
        Case(name: "trailing comma in object", json: group(#""attrib":0,"#), accepted: false),
        Case(
            name: "pretty printed",
            json:
                "\r\n {\t\"status\" : 0 ,\n \"body\" : { \"measuregrps\" : [ { \"grpid\" : 1 , \"date\" : 2 , \"measures\" : [ { \"value\" : 3 , \"type\" : 1 } ] } ] , \"more\" : 0 } }\n\n",
            accepted: true),
        Case(name: "trailing garbage", json: #"{"status":0,"body":{}} x"#, accepted: false),
        Case(name: "two documents", json: #"{"status":0,"body":{}}{}"#, accepted: false),
        Case(
            name: "deep unknown",
            json: group(#""deep":"# + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)),
            accepted: false),
        Case(
            name: "moderately deep unknown",
            json: group(#""deep":"# + String(repeating: "[", count: 40) + String(repeating: "]", count: 40)),
            accepted: true),
        Case(name: "bad literal", json: group(#""model":nul"#), accepted: false),
        Case(name: "literal run-on", json: group(#""model":nullx"#), accepted: false),
        Case(name: "empty input", json: "", accepted: false),
        Case(name: "whitespace only", json: " \n", accepted: false),
        Case(name: "top-level array", json: "[]", accepted: false),
        Case(name: "top-level null", json: "null", accepted: false),
        Case(name: "unterminated string", json: #"{"status":0,"body":{"timezone":"Europe"#, accepted: false),
    ]

    @Test(arguments: cases)
    func caseDecodesAsJSONDecoderDoes(_ testCase: Case) {
        let accepted = ScannerEquivalence.expectSame(Array(testCase.json.utf8), testCase.name)
        #expect(accepted == testCase.accepted, "\(testCase.name): scanner accepted \(accepted)")
    }

    @Test func invalidUTF8IsDeclinedButDecodesAsBefore() {
        for bytes: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF]] {
            let prefix = Array(#"{"status":0,"body":{"measuregrps":[{"grpid":1,"date":2,"comment":""#.utf8)
            let answer = prefix + bytes + Array(#""}]}}"#.utf8)
            #expect(!ScannerEquivalence.expectSame(answer, "\(bytes)"))
        }
    }

    @Test func valuesOfTheLenientRules() throws {
        let page = try #require(
            MeasurePageScanner.page(
                from: Array(Self.cases.first { $0.name == "numbers as strings" }?.json.utf8 ?? "".utf8)))
        let group = try #require(page.items.first)
        #expect(group.groupID == 12 && group.date == 5 && group.attrib == -1 && group.category == 2)
        #expect(group.modelID == 7)
        #expect(group.measures == [Measure(value: -70_500, unit: -3, type: 1, position: 12)])
        #expect(page.more && page.offset == 20 && page.updateTime == 1_700_000_000)
        let escaped = try #require(
            MeasurePageScanner.page(
                from: Array(Self.cases.first { $0.name == "escapes in strings" }?.json.utf8 ?? "".utf8)))
        #expect(escaped.timezone == "Europe/Paris \"q\" \\ \u{08}\u{0C}\n\r\t éÉ 😀")
        #expect(escaped.items.first?.deviceID == "abc")
        #expect(escaped.items.first?.model == "Body+")
    }
}
