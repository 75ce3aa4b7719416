package good;

/**
 * Every form of the marker grammar, and text that looks a little like a marker but is not one.
 */
class Markers {
    void trailing() { } // expect: DDB-P001

    void trailingWithText() { } // expect: DDB-P001 "reads the whole table"

    void twoRules() { } //expect: DDB-P001 DDB-P006 "Limit (25)"

    // expect: DDB-C004 "status"
    // A comment between a marker and its code line is fine, and so is a blank line.

    void standalone() { }

    String url = "http://example.com/expect:DDB-P001"; // expect: DDB-S001
    char slash = '/'; String text = """
            not a marker: expect DDB-P001 // in a text block, but not written as a marker
            """; /* a block comment */ // expect: DDB-X001 "a 'quoted' word"
    // expected: no finding on the next line (prose, not a marker)
    void negative() { }
}
