import Foundation
import Testing
@testable import LeverREPL

/// Loading, reloading and declarations, on a policy written to a temporary file.
@Suite struct SessionPolicyTests {
    static func temporaryPolicy(_ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lever-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("p.lever").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func reloadNoticesAChangedFile() throws {
        let path = try Self.temporaryPolicy("param a = 2\n")
        let session = ReplSession(policyPath: path)
        #expect(session.startupResponse == .output("loaded \(path)\n"))
        #expect(session.handle(.input(":reload")) == .output("\(path) is unchanged\n"))
        try "param a = 3\nparam b = a * 2\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(session.handle(.input(":reload")) == .output("reloaded \(path)\n"))
        #expect(session.handle(.input("b")) == .output("6\n"))
        #expect(!session.failed)
    }

    @Test func aBrokenDeclarationPointsIntoTheLineAndIsNotKept() throws {
        let session = ReplSession(policyPath: try Self.temporaryPolicy("param a = 2\n"))
        guard case .diagnostics(let text) = session.handle(.input("param c = a + 1 USD")) else {
            Issue.record("expected diagnostics"); return
        }
        #expect(text.hasPrefix("<input>:1:13: error[L0304]"))
        #expect(session.failed)
        #expect(session.handle(.input(":type c")).isDiagnostics)
    }

    @Test func aDuplicateDeclarationIsRejected() throws {
        let session = ReplSession(policyPath: try Self.temporaryPolicy("param a = 2\n"))
        #expect(session.handle(.input("param a = 3")).isDiagnostics)
        #expect(session.handle(.input("a")) == .output("2\n"))
    }

    @Test func missingFilesAreErrorsNotCrashes() {
        let session = ReplSession(policyPath: "/nonexistent/p.lever")
        #expect(session.startupResponse == .diagnostics("error: cannot read `/nonexistent/p.lever`: no such file\n"))
        #expect(session.handle(.input(":market /nonexistent/m.json"))
                == .diagnostics("error: cannot read `/nonexistent/m.json`: no such file\n"))
        #expect(session.handle(.input(":load /dev/zero")) == .diagnostics("error: cannot read `/dev/zero`: not a regular file (a character device)\n"))
        #expect(session.handle(.input(":set BTC.price = 1")) == .diagnostics("error: no market loaded; use :market FILE\n"))
        #expect(session.handle(.input(":reset")).isDiagnostics)
        #expect(session.failed)
    }
}

extension ReplResponse {
    var isDiagnostics: Bool {
        if case .diagnostics = self { return true }
        return false
    }
}
