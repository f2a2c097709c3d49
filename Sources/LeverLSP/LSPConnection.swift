import Foundation
import Lever

/// The LSP base protocol over a byte stream: `Content-Length: N` headers, a blank line, then N
/// bytes of JSON, in both directions.
public struct LSPConnection {
    /// Reads framed messages from `input`, hands each to `server`, and writes its replies to
    /// `output`, until `exit` or the end of input. Returns the process exit status the protocol
    /// asks for: 0 after `shutdown` then `exit`, 1 otherwise.
    public static func run(server: LanguageServer, input: FileHandle = .standardInput, output: FileHandle = .standardOutput) -> Int32 {
        var reader = FrameReader()
        while !server.hasExited {
            guard let body = reader.next(from: input) else { break }
            let message: JSONValue
            switch JSONValue.parse(body) {
            case .success(let value): message = value
            case .failure:
                write(.object(["jsonrpc": .string("2.0"), "id": .null,
                               "error": .object(["code": .int(-32700), "message": .string("parse error")])]), to: output)
                continue
            }
            for reply in server.handle(message) { write(reply, to: output) }
        }
        return server.isShutDown && server.hasExited ? 0 : 1
    }

    /// One message, framed.
    public static func frame(_ message: JSONOutput) -> [UInt8] {
        let body = Array(message.line.utf8)
        return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    static func write(_ message: JSONOutput, to output: FileHandle) {
        output.write(Data(frame(message)))
    }

    /// Splits the stream into message bodies.
    public struct FrameReader {
        var buffer: [UInt8] = []

        public init() {}

        /// The next body from what `feed` added, if a whole one is there.
        public mutating func take() -> [UInt8]? {
            let separator: [UInt8] = Array("\r\n\r\n".utf8)
            guard let end = buffer.indices.first(where: { i in i + 4 <= buffer.count && Array(buffer[i..<i + 4]) == separator })
            else { return nil }
            let header = String(decoding: buffer[..<end], as: UTF8.self)
            let length = header.split(separator: "\r\n").compactMap { line -> Int? in
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
                return Int(parts[1].trimmingCharacters(in: .whitespaces))
            }.first ?? 0
            let start = end + 4
            guard buffer.count >= start + length else { return nil }
            let body = Array(buffer[start..<start + length])
            buffer.removeFirst(start + length)
            return body
        }

        public mutating func feed(_ bytes: [UInt8]) { buffer += bytes }

        /// Reads until a whole message is buffered; nil at the end of input.
        mutating func next(from input: FileHandle) -> [UInt8]? {
            while true {
                if let body = take() { return body }
                let chunk = input.availableData
                if chunk.isEmpty { return nil }
                feed(Array(chunk))
            }
        }
    }
}
