import Testing
@testable import Lever
@Test func leverPlaceholder() {}
