package org.huiqi.evaluation;

import java.math.BigDecimal;

/** Fact inserted by an amount rule: the computed cash or tax amount for a measure (万元). */
public record BenefitAmount(String measureId, String projectId, Num amount, BigDecimal cap) {
}
