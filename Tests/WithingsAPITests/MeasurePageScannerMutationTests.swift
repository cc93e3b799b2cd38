import TestSupport
import Testing
import WithingsEmulator

@testable import WithingsAPI

/// Random damage to real answers: truncations, flipped and inserted bytes. Whatever the scanner accepts decodes as
/// JSONDecoder decodes it, everything else gives JSONDecoder's own value or error, and nothing crashes or hangs.
@Suite struct MeasurePageScannerMutationTests {
    /// Bytes mutations insert: they change JSON structure, numbers and strings, so mutations hit interesting paths.
    static let alphabet = Array(#"{}[],:"\-+.eE0123456789ntfu /abc"#.utf8) + [0x00, 0x0A, 0x1F, 0x7F, 0x80, 0xC3, 0xFF]

    /// The answers mutations start from: a real envelope, a wrapped Home Assistant fragment, a compact oddity.
    static func bases() throws -> [[UInt8]] {
        let compact =
            #"{"status":0,"body":{"updatetime":1700000000,"timezone":"Europe\/Paris","measuregrps":[{"grpid":"42","attrib":8,"date":1.7e9,"deviceid":null,"hash_deviceid":"h\u00e9","model":"Body\u002B","measures":[{"value":-70500,"unit":-3,"type":1,"position":7,"algo":{"x":[1,2]}},{"value":"12","type":6}],"comment":"a\"b"}],"more":"1","offset":1}}"#
        return [
            try Fixtures.withings("aiowithings/measurement.json"),
            try FixtureDecodingTests.envelopeBytes("homeassistant-2024.1/measurements_1.json", shape: .measures),
            Array(compact.utf8),
        ]
    }

    @Test(arguments: 0..<3)
    func mutatedAnswersDecodeAsJSONDecoderDoes(base index: Int) throws {
        let base = try Self.bases()[index]
        var random = SeededRandom(seed: UInt64(index) &+ 0x5EED)
        var accepted = 0
        let rounds = 1_200
        for round in 0..<rounds {
            let mutated = Self.mutate(base, using: &random)
            if ScannerEquivalence.expectSame(mutated, "base \(index) round \(round)") { accepted += 1 }
        }
        print("scanner mutations, base \(index): accepted \(accepted) of \(rounds)")
        // Many mutations keep the answer valid (a changed digit, a byte inside a string): the scanner must read
        // some of them, or the comparisons above compared nothing.
        #expect(accepted > rounds / 20)
        #expect(accepted < rounds)
    }

    /// `bytes` after one to three random truncations, replacements, insertions, deletions or duplications.
    static func mutate(_ bytes: [UInt8], using random: inout SeededRandom) -> [UInt8] {
        var output = bytes
        for _ in 0...Int.random(in: 0..<3, using: &random) {
            guard !output.isEmpty else { break }
            let at = Int.random(in: 0..<output.count, using: &random)
            let byte = alphabet.randomElement(using: &random) ?? 0
            switch Int.random(in: 0..<5, using: &random) {
            case 0: output.removeSubrange(at...)
            case 1: output[at] = byte
            case 2: output.insert(byte, at: at)
            case 3: output.remove(at: at)
            default:
                let end = min(output.count, at + Int.random(in: 1..<16, using: &random))
                output.insert(contentsOf: output[at..<end], at: at)
            }
        }
        return output
    }
}
