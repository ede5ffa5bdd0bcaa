package org.huiqi.evaluation;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Locale;

/** A text in Chinese (first) and English. */
@JsonSerialize(using = TextSerializer.class)
public record Text(String zh, String en) {
    /** Jackson writer attribute: "zh" or "en" writes texts in that language only; absent writes both. */
    public static final String LANGUAGE = "huiqi.language";

    public static Text of(String zh, String en) {
        return new Text(zh, en);
    }

    public String in(String lang) {
        return "en".equals(lang) && en != null ? en : zh;
    }

    /**
     * The one language an {@code Accept-Language} header asks for: "zh" or "en" when it is exactly
     * that language (a region such as zh-CN, a quality value allowed), else null for both. A
     * browser's list ("zh-CN,zh;q=0.9,en;q=0.8") keeps both: the self-check shows both languages.
     */
    public static String language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.contains(",")) return null;
        String range = acceptLanguage.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String primary = range.split("-", 2)[0];
        return primary.equals("zh") || primary.equals("en") ? primary : null;
    }
}
