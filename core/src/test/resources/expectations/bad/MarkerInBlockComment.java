package bad;

class MarkerInBlockComment {
    /*
     * // expect: DDB-P001
     */
    void scan() { }
}
