package bad;

class MisspelledMarker {
    void scan() { } // Expect DDB-P001
}
