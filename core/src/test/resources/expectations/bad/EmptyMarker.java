package bad;

class EmptyMarker {
    void scan() { } // expect:
}
