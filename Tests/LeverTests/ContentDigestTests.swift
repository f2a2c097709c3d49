import Testing
import Lever

/// `ContentDigest` (swift-crypto's SHA-256) against published vectors, and the policy hash kept
/// byte-for-byte from the hand-written SHA-256 it replaced.
@Suite struct ContentDigestTests {
    /// FIPS 180-4 example vectors (NIST CSRC "SHA256.pdf", one- and two-block messages) and the empty message.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func publishedVectors(_ message: String, _ digest: String) {
        #expect(ContentDigest.sha256(message) == digest)
    }

    /// Lengths around the padding boundaries (55 bytes fit one block with the length, 56 need
    /// two); digests from Python's hashlib.
    @Test(arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
    ])
    func paddingBoundaries(_ length: Int, _ digest: String) {
        #expect(ContentDigest.sha256(String(repeating: "a", count: length)) == digest)
    }

    /// FIPS 180-4's long message: a million `a`s (15,625 blocks).
    @Test func aMillionAs() {
        #expect(ContentDigest.sha256([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func hashesUTF8Bytes() {
        #expect(ContentDigest.sha256("λ €") == "7fdb5b74c243c09e29347e0bc370e1d34b89e0010b744e1f49eb5ddc2ffa5dae")
        #expect(ContentDigest.sha256([UInt8]()).count == 64)
        #expect(ContentDigest.sha256([UInt8]("abc".utf8)[...]) == ContentDigest.sha256("abc"))
    }

    /// A policy with an import, hashed by the hand-written implementation before the switch to
    /// swift-crypto: identities recorded in stored reports and goldens must not change.
    @Test func thePolicyHashIsTheOneRecordedBeforeTheSwitch() {
        let files = ["base.lever": "param z = 2.33\n",
                     "root.lever": "policy \"R\" version \"2\"\nimport \"base.lever\"\n// a comment\nparam q = z * 2\n"]
        let identity = Lever.identity(of: Checker.check(files: files, root: "root.lever"))
        #expect(identity.hash == "b6ae0492e238cbcfc6e7c827ccd0c8e4863258d00f27be323d0e1d8a6cfeaeb4")
    }
}
