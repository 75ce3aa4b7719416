package bad;

class LowerCaseId {
    void scan() { } // expect: ddb-p001
}
