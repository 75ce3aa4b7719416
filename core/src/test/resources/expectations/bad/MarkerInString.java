package bad;

class MarkerInString {
    String s = "// expect: DDB-P001";
}
