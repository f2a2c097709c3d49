import Crypto
import Dispatch

/// SHA-256 digests as Lever records them: 64 lowercase hex digits.
///
/// The digest comes from swift-crypto (BoringSSL's assembly on Linux, CryptoKit on Apple
/// platforms), which hashes books of hundreds of megabytes at memory speed; it names policies
/// (`Lever.identity(of:)`), books and market snapshots (`LoadedInputs.digest(of:)`) and diffs.
public enum ContentDigest {
    /// The SHA-256 of `bytes`, as hex.
    public static func sha256<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var hasher = SHA256()
        let hashedInPlace: Void? = bytes.withContiguousStorageIfAvailable {
            hasher.update(bufferPointer: UnsafeRawBufferPointer($0))
        }
        if hashedInPlace == nil { hasher.update(data: Array(bytes)) }
        return hex(hasher.finalize())
    }

    /// The SHA-256 of the UTF-8 bytes of `text`, as hex.
    public static func sha256(_ text: String) -> String { sha256(Array(text.utf8)) }

    /// 64 lowercase hex digits.
    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(2 * SHA256.Digest.byteCount)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A file's SHA-256 taken on another thread while the caller goes on; `value` waits for it.
final class BackgroundDigest: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written by the hashing thread before it leaves `done`; read only after waiting on it.
    private var digest = ""

    init(_ bytes: [UInt8]) {
        done.enter()
        DispatchQueue.global().async {
            self.digest = ContentDigest.sha256(bytes)
            self.done.leave()
        }
    }

    /// The digest, once taken.
    var value: String {
        done.wait()
        return digest
    }
}
