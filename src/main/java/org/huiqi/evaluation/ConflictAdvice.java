package org.huiqi.evaluation;

import java.math.BigDecimal;
import org.huiqi.evaluation.MeasureResult.Status;
import org.huiqi.rules.Measure;

/**
 * Which of two measures that cannot be claimed together suits this profile better, judged only
 * from their results in the same evaluation: the eligible one; of two eligible ones the larger
 * estimated amount; on a tie (or without the figures) the one whose rule file gives a reason to
 * prefer it ({@code @preferZh}/{@code @preferEn}). Both results reach the same advice, since it depends
 * on the pair and not on which side asks. Policy reasons stay in the rule files.
 */
final class ConflictAdvice {
    private ConflictAdvice() {
    }

    static MeasureResult.Conflict of(Measure own, MeasureResult ownResult, Measure other, MeasureResult otherResult) {
        Text note = Text.of("不能与「" + other.title().zh() + "」同时享受，请择一申请",
                "cannot be claimed together with \"" + other.title().en() + "\": choose one");
        if (otherResult == null) {
            return new MeasureResult.Conflict(other.id(), note, null, null,
                    Text.of("「" + other.title().zh() + "」在评估日不在有效期内", "\"" + other.title().en() + "\" is not in force on the evaluation date"));
        }
        if (ownResult.status() == Status.ERROR || otherResult.status() == Status.ERROR) {
            return new MeasureResult.Conflict(other.id(), note, otherResult.status(), null,
                    Text.of("其中一项暂时无法判定，暂无推荐", "one of the two could not be evaluated, so there is no recommendation"));
        }
        boolean ownEligible = ownResult.status() == Status.ELIGIBLE;
        boolean otherEligible = otherResult.status() == Status.ELIGIBLE;
        Measure pick = null;
        Text why;
        if (ownEligible != otherEligible) {
            pick = ownEligible ? own : other;
            why = Text.of("本次评估中只有「" + pick.title().zh() + "」符合条件，建议申请该项",
                    "only \"" + pick.title().en() + "\" is eligible in this evaluation: claim that one");
        } else if (!ownEligible) {
            why = Text.of("两项目前均未确定符合条件，暂无推荐", "neither is eligible yet, so there is no recommendation");
        } else {
            BigDecimal a = ownResult.benefit().amount();
            BigDecimal b = otherResult.benefit().amount();
            if (a != null && b != null && a.compareTo(b) != 0) {
                pick = a.compareTo(b) > 0 ? own : other;
                why = Text.of("按本企业数据估算，「" + own.title().zh() + "」约" + a.toPlainString() + "万元，「" + other.title().zh() + "」约"
                                + b.toPlainString() + "万元，建议选择金额较高的「" + pick.title().zh() + "」",
                        "estimated from this profile: \"" + own.title().en() + "\" about " + a.toPlainString() + ", \"" + other.title().en()
                                + "\" about " + b.toPlainString() + " (10,000 CNY): claim the larger, \"" + pick.title().en() + "\"");
            } else {
                Text amounts = a != null && b != null
                        ? Text.of("两项估算金额相同（均约" + a.toPlainString() + "万元）", "both give the same estimated amount (about " + a.toPlainString() + ")")
                        : Text.of("两项均符合条件，缺少估算金额所需数据，无法比较金额", "both are eligible; the profile lacks the figures to compare amounts");
                pick = own.preference() != null && other.preference() == null ? own
                        : other.preference() != null && own.preference() == null ? other : null;
                why = pick == null
                        ? Text.of(amounts.zh() + "，可任选其一", amounts.en() + ": either will do")
                        : Text.of(amounts.zh() + "。建议选择「" + pick.title().zh() + "」：" + pick.preference().zh(),
                                amounts.en() + ". Recommended: \"" + pick.title().en() + "\": " + pick.preference().en());
            }
        }
        return new MeasureResult.Conflict(other.id(), note, otherResult.status(), pick == null ? null : pick.id(), why);
    }
}
