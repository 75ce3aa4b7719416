package bad;

class MarkerInTextBlock {
    String s = """
            // expect: DDB-P001
            """;
}
