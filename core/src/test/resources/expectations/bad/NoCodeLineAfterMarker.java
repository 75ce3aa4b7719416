package bad;

class NoCodeLineAfterMarker {
    void scan() { }
}
// expect: DDB-P001
