package bad;

class TooManyDigits {
    void scan() { } // expect: DDB-P0001
}
