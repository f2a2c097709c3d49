import Testing
@testable import LeverTesting
@Test func testingPlaceholder() {}
