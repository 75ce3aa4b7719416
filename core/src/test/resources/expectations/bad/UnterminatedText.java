package bad;

class UnterminatedText {
    void scan() { } // expect: DDB-P001 "reads the whole table
}
