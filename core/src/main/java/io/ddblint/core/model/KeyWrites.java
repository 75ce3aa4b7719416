package io.ddblint.core.model;

import java.util.List;

/**
 * Everything the code is seen to write into one attribute of one table.
 *
 * @param writes   each value written, in file and line order
 * @param complete true when every write call linked to the table was read far enough to know whether it writes the
 *                 attribute; false when some item was built where the analysis cannot follow (a parameter, another
 *                 method, an UpdateItem's SET actions), so more values may be written than listed
 */
public record KeyWrites(String attribute, List<KeyWrite> writes, boolean complete) {

    public KeyWrites {
        writes = List.copyOf(writes);
    }
}
