package org.huiqi.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.huiqi.evaluation.facts.Places;

/**
 * {@code new guangxi/wuzhou/copper-growth --id WZ-COPPER-GROWTH --region 450400}: writes a new
 * measure's rule file (declaration, region criterion, one criterion to complete) and its scenario
 * file (eligible, at the threshold, just below, needs-info, another region), with
 * {@value StaffChecks#MARKER} wherever the policy text must be filled in; {@code validate} lists
 * each marker until it is gone.
 */
final class Scaffold {
    /** Jurisdiction prefix (CN, GD, GX, WZ, …) then upper-case words: see rules/README.md. */
    static final Pattern ID = Pattern.compile("[A-Z]{2}(-[A-Z0-9]+)+");
    private static final Pattern PATH = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)*");
    private static final String M = StaffChecks.MARKER;

    private Scaffold() {
    }

    /** The files written, relative to {@code dir}; or throws with a message for staff. */
    static List<String> write(Path dir, String path, String id, String region) {
        String base = path.endsWith(".drl") ? path.substring(0, path.length() - 4) : path;
        if (!PATH.matcher(base).matches() || !base.contains("/")) {
            throw new IllegalArgumentException("文件位置应为 地区目录/文件名（英文小写和连字符），如 guangxi/wuzhou/copper-growth"
                    + " / the path must be folder/name in lower case, e.g. guangxi/wuzhou/copper-growth");
        }
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("措施编号“" + id + "”不合规则：地区前缀加英文大写单词，用连字符连接，如 WZ-COPPER-GROWTH"
                    + " / id must be a jurisdiction prefix and upper-case words joined by hyphens, e.g. WZ-COPPER-GROWTH");
        }
        RuleFiles files = RuleFiles.read(dir);
        for (String drl : files.withSuffix(".drl")) {
            if (files.text(drl).contains("rule \"" + id + "\"")) {
                throw new IllegalArgumentException("措施编号 " + id + " 已在 " + drl + " 中使用 / measure id " + id + " is already used in " + drl);
            }
        }
        List<RuleProblem> ignored = new ArrayList<>();
        Places places = ReferenceData.places(files, ignored);
        String[] names = regionNames(places, region);
        String other = otherRegion(places, region);
        // a group id is not a registration code: the scenarios use one of its members
        String inside = places.byCode().containsKey(region) ? region : places.groups().get(region).members().stream().sorted().findFirst().orElseThrow();
        String drl = base + ".drl";
        String scenarios = base + ".scenarios.yaml";
        for (String file : List.of(drl, scenarios)) {
            if (Files.exists(dir.resolve(file))) {
                throw new IllegalArgumentException(file + " 已存在，不会覆盖 / " + file + " already exists; nothing written");
            }
        }
        String pkg = base.substring(0, base.lastIndexOf('/')).replace('/', '.').replace('-', '_');
        write(dir.resolve(drl), ruleFile(pkg, id, region, names));
        write(dir.resolve(scenarios), scenarioFile(id, inside, names, other, places));
        return List.of(drl, scenarios);
    }

    private static String[] regionNames(Places places, String region) {
        Places.Place place = places.byCode().get(region);
        if (place != null) return new String[] {place.zh(), place.en()};
        Places.Group group = places.groups().get(region);
        if (group != null) return new String[] {group.zh(), group.en()};
        String near = StaffChecks.nearestRegion(region, places);
        throw new IllegalArgumentException("地区“" + region + "”不在 " + ReferenceData.REGIONS + " 中" + (near == null ? "" : "，是不是“" + near + "”？")
                + " / region " + region + " is not in " + ReferenceData.REGIONS + (near == null ? "" : "; did you mean " + near + "?"));
    }

    /** A place outside {@code region}, in the same province when there is one, for the "other region" case. */
    private static String otherRegion(Places places, String region) {
        String fallback = null;
        for (String code : places.byCode().keySet()) {
            if (places.contains(region, code)) continue;
            if (region.length() == 6 && code.startsWith(region.substring(0, 2)) && !code.endsWith("0000")) return code;
            if (fallback == null) fallback = code;
        }
        return fallback == null ? "000000" : fallback;
    }

    private static String ruleFile(String pkg, String id, String region, String[] names) {
        return """
                // %1$s：政策原文的文件名称、文号、条款（逐句抄录原文，每条抄在对应的条件规则上方）
                // Source: the document, its number and article; copy each policy sentence above its criterion.

                package %2$s

                import org.huiqi.evaluation.facts.Enterprise
                import function org.huiqi.evaluation.Criteria.*
                import function org.huiqi.evaluation.Decisions.*

                rule "%3$s"
                    @zh("%1$s：措施名称")
                    @en("%1$s: name of the measure")
                    @benefit("CASH")                       // CASH 资金 · TAX 税收 · STATUS 认定 · SERVICE 服务
                    @benefitZh("%1$s：待遇说明，如 按增量的1%%给予奖励，最高50万元")
                    @benefitEn("%1$s: the benefit, e.g. 1%% of the increase, at most 500,000 CNY")
                    @document("%1$s：文件名称")
                    @issuer("%1$s：发文单位")
                    @claim("APPLY")                        // CLAIM_AT_FILING 纳税申报时享受 · APPLY 申请 · RECOGNITION 认定 · REGISTER 申报纳统 · SERVICE 窗口办理 · AUTOMATIC 免申即享
                    @officeZh("%1$s：受理部门，如 梧州市工业和信息化局")
                    @officeEn("%1$s: the office that accepts it, e.g. Wuzhou Industry and Information Technology Bureau")
                    @validFrom("2025-01-01")               // %1$s：施行日期
                    @confirmed("false")                    // 与原文核实后删除这一行 / delete once checked against the text
                when
                then
                end

                rule "%3$s / region"
                    @zh("注册在%4$s")
                    @en("Registered in %5$s")
                when
                    $e : Enterprise()
                then
                    decide(drools, $e.locatedIn("%6$s"));
                end

                // %1$s：抄录政策原文中的条件，如“上年主营业务收入不低于2000万元”
                rule "%3$s / threshold"
                    @zh("%1$s：条件说明")
                    @en("%1$s: what it requires")
                when
                    $e : Enterprise()
                then
                    decide(drools, atLeast(%1$s, %1$s));   // 例 e.g. atLeast($e.lastYear().mainBusinessRevenue(), 2000)
                end
                """.formatted(M, pkg, id, names[0], names[1], region);
    }

    private static String scenarioFile(String id, String region, String[] names, String other, Places places) {
        Places.Place otherPlace = places.byCode().get(other);
        String otherName = otherPlace == null ? "" : otherPlace.zh();
        return """
                # %2$s 的场景测试：validate 逐行列出需要填写的地方，填入政策门槛附近的数值；每个场景只改一两个字段。
                # Scenarios for %2$s: validate lists each place to fill in; use figures around the threshold.
                scenarios:
                  - name: 符合全部条件 → 符合
                    asOf: %1$s                      # 评估日期，须在施行期内，如 2025-06-01
                    profile: &base
                      regionCode: "%3$s"            # %4$s
                      %1$s: %1$s                      # 满足条件的企业数据，如 financials: {"2024": {mainBusinessRevenue: 2500}}
                    expect:
                      %2$s: ELIGIBLE
                  - name: 恰好达到门槛 → 符合
                    asOf: %1$s
                    profile:
                      <<: *base
                      %1$s: %1$s                      # 恰好等于门槛的数值
                    expect:
                      %2$s: ELIGIBLE
                  - name: 比门槛少一个单位 → 不符合
                    asOf: %1$s
                    profile:
                      <<: *base
                      %1$s: %1$s                      # 比门槛少一个单位
                    expect:
                      %2$s: {status: NOT_ELIGIBLE, failed: [threshold]}
                  - name: 未填所需数据 → 需补充信息
                    asOf: %1$s
                    profile: {regionCode: "%3$s"}
                    expect:
                      %2$s: {status: NEEDS_INFO, missing: [%1$s]}   # 需要补充的字段，如 financials.2024.mainBusinessRevenue
                  - name: 其他地区的企业 → 不显示
                    asOf: %1$s
                    profile:
                      <<: *base
                      regionCode: "%5$s"            # %6$s
                    expect:
                      %2$s: ABSENT
                """.formatted(M, id, region, names[0], other, otherName);
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
