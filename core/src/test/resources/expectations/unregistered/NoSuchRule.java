package unregistered;

class NoSuchRule {
    void scan() { } // expect: DDB-P099
}
