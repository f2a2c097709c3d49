import Testing
@testable import LeverREPL
@Test func replPlaceholder() {}
