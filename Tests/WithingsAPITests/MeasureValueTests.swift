import Testing
import WithingsAPI

@Suite struct MeasureValueTests {
    @Test(arguments: [
        (Int64(70_123), -3, 70.123), (Int64(158), 0, 158.0), (Int64(12), 2, 1_200.0), (Int64(-5), -1, -0.5),
    ])
    func valueTimesTenToTheUnit(value: Int64, unit: Int, expected: Double) {
        #expect(Measure(value: value, unit: unit, type: 1).realValue == expected)
    }

    @Test func hostileUnitsEndAtOnceInZeroOrInfinity() {
        // Found by the fuzz driver: a unit of 9e18 looped for ages and Int.min trapped in abs().
        #expect(Measure(value: 7, unit: 9_000_000_000_000_000_000, type: 1).realValue == .infinity)
        #expect(Measure(value: 7, unit: -9_000_000_000_000_000_000, type: 1).realValue == 0)
        #expect(Measure(value: 7, unit: .min, type: 1).realValue == 0)
        #expect(Measure(value: -7, unit: .max, type: 1).realValue == -.infinity)
    }
}
