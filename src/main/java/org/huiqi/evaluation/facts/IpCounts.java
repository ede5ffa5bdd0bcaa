package org.huiqi.evaluation.facts;

import org.huiqi.evaluation.Num;
import org.huiqi.profile.IntellectualProperty;

/** Intellectual-property counts as rules read them; absent counts are unknown. */
public record IpCounts(IntellectualProperty ip) {
    public Num classIHighValue() {
        return Num.input(ip == null ? null : ip.classIHighValue(), "ip.classIHighValue");
    }

    public Num classISelfDeveloped() {
        return Num.input(ip == null ? null : ip.classISelfDeveloped(), "ip.classISelfDeveloped");
    }

    public Num classI() {
        return Num.input(ip == null ? null : ip.classI(), "ip.classI");
    }

    public Num classII() {
        return Num.input(ip == null ? null : ip.classII(), "ip.classII");
    }

    public Num classIRelatedToLeadProduct() {
        return Num.input(ip == null ? null : ip.classIRelatedToLeadProduct(), "ip.classIRelatedToLeadProduct");
    }
}
