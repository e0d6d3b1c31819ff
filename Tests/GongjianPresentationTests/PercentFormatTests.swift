import Testing

@testable import GongjianPresentation

@Suite struct PercentFormatTests {
  @Test(arguments: [
    (48.275862, "48.3%", "+48.3%"), (-0.04, "0.0%", "+0.0%"), (99.96, "100.0%", "+100.0%"), (-3.46, "-3.5%", "-3.5%"),
    (0, "0.0%", "+0.0%"), (14.04, "14.0%", "+14.0%"),
  ])
  func percentagesHaveOneDecimalPlaceAndNoMinusZero(value: Double, plain: String, signed: String) {
    #expect(PercentFormat.oneDecimal(value) == plain)
    #expect(PercentFormat.signed(value) == signed)
  }

  @Test func notANumberIsADash() {
    #expect(PercentFormat.oneDecimal(.nan) == "—")
  }
}
