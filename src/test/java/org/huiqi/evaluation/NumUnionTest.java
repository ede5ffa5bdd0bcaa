package org.huiqi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fields a criterion read, and the missing ones it names, are the union of its parts': each
 * name once, in the order first read. Checked against the plain definition for every pair of
 * lists of up to three names from three (duplicates included), and for lists past the short cut.
 */
class NumUnionTest {
    private static final List<String> NAMES = List.of("employees", "regionCode", "financials.2024.rdExpense");

    @Test
    void eachNameOnceInTheOrderFirstRead() {
        List<List<String>> lists = lists(3);
        for (List<String> a : lists) {
            for (List<String> b : lists) {
                assertThat(Num.union(a, b)).as("%s ∪ %s", a, b).isEqualTo(reference(a, b));
            }
        }
        List<String> long1 = new ArrayList<>();
        for (int i = 0; i < 12; i++) long1.add("projects[" + i % 10 + "].region");
        assertThat(Num.union(long1, List.of("employees"))).isEqualTo(reference(long1, List.of("employees")));
    }

    private static List<String> reference(List<String> a, List<String> b) {
        LinkedHashSet<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static List<List<String>> lists(int maxLength) {
        List<List<String>> lists = new ArrayList<>();
        lists.add(List.of());
        for (int length = 1; length <= maxLength; length++) {
            for (List<String> shorter : new ArrayList<>(lists)) {
                if (shorter.size() != length - 1) continue;
                for (String name : NAMES) {
                    List<String> longer = new ArrayList<>(shorter);
                    longer.add(name);
                    lists.add(List.copyOf(longer));
                }
            }
        }
        return lists;
    }
}
