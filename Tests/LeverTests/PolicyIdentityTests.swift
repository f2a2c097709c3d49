import Testing
import Lever

@Suite struct PolicyIdentityTests {
    @Test func namesTheHeaderAndHashesTheCanonicalForm() throws {
        let checked = Checker.check(source: LendingFixture.policy, path: "lending.lever")
        let identity = Lever.identity(of: checked)
        #expect(identity.name == "Hand-worked lending")
        #expect(identity.version == "1")
        let root = try #require(checked.root)
        #expect(identity.hash == ContentDigest.sha256(Formatter.format(root)))
        #expect(identity.hash.count == 64)
    }

    @Test func layoutDoesNotChangeTheHashButRulesDo() {
        let base = "policy \"P\" version \"1\"\nparam z = 2.33\n"
        let spaced = "policy   \"P\"   version \"1\"\nparam z   =   2.33   \n"
        let changed = "policy \"P\" version \"1\"\nparam z = 2.34\n"
        let hash = { (text: String) in Lever.identity(of: Checker.check(source: text, path: "p.lever")).hash }
        #expect(hash(base) == hash(spaced))
        #expect(hash(base) != hash(changed))
    }

    @Test func importsAreHashedInLoadOrder() {
        let files = ["base.lever": "param z = 2.33\n", "root.lever": "policy \"R\" version \"2\"\nimport \"base.lever\"\n"]
        let checked = Checker.check(files: files, root: "root.lever")
        let identity = Lever.identity(of: checked)
        let expected = checked.files.map(Formatter.format).joined(separator: "\u{0}")
        #expect(checked.files.count == 2)
        #expect(identity.hash == ContentDigest.sha256(expected))
        #expect(identity.name == "R" && identity.version == "2")
    }

    @Test func theEngineCarriesTheIdentity() throws {
        let loaded = Lever.loadPolicy(source: LendingFixture.policy, path: "lending.lever")
        let engine = try #require(loaded.engine)
        #expect(loaded.identity == engine.identity)
        #expect(engine.identity == Lever.identity(of: loaded.checked))
    }

    @Test func aBrokenPolicyHasNoEngineAndSaysWhy() {
        let loaded = Lever.loadPolicy(source: "policy \"P\"\nparam x = 1 USD + 2%\n", path: "bad.lever")
        #expect(loaded.engine == nil)
        #expect(loaded.diagnostics.hasErrors)
    }
}
