package bad;

class MarkerInTheMiddleOfAComment {
    void scan() { } // a scan // expect: DDB-P001
}
