package bad;

class GarbageAfterMarker {
    void scan() { } // expect: DDB-P001 and DDB-P006
}
