package bad;

class TextWithoutId {
    void scan() { } // expect: "reads the whole table"
}
