import Testing
import LeverSyntax

@Suite struct JSONOutputTests {
    @Test func sortsKeysAndIndents() {
        let value = JSONOutput.object(["b": .array([.number(1), .bool(true)]), "a": .null, "c": .object([:])])
        #expect(value.text == """
            {
              "a": null,
              "b": [
                1.0,
                true
              ],
              "c": {}
            }

            """)
    }

    @Test func infinitiesAreStrings() {
        #expect(JSONOutput.array([.number(.infinity), .number(-.infinity)]).text == "[\n  \"Infinity\",\n  \"-Infinity\"\n]\n")
    }

    @Test func escapesStrings() {
        #expect(JSONOutput.string("a\"b\\c\nd\u{1}é").text == "\"a\\\"b\\\\c\\nd\\u0001é\"\n")
    }

    @Test func keysSortByBytes() {
        #expect(JSONOutput.object(["é": .null, "z": .null, "Z": .null]).text == "{\n  \"Z\": null,\n  \"z\": null,\n  \"é\": null\n}\n")
    }
}

@Suite struct JSONOutputNumberTests {
    /// Integers (counts, line numbers) have no fraction; doubles always show they are doubles.
    @Test func intsAndDoublesAreWrittenApart() {
        #expect(JSONOutput.array([.int(3), .number(3), .number(-0.0)]).text == "[\n  3,\n  3.0,\n  0.0\n]\n")
    }
}
