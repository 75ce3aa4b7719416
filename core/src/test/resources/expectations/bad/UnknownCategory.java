package bad;

class UnknownCategory {
    void scan() { } // expect: DDB-Q001
}
