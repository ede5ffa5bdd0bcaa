package org.huiqi.profile;

import java.math.BigDecimal;

/**
 * The bounds of what a profile may contain, each written once: the record annotations, the JSON
 * reader ({@link ProfileJson}), the OpenAPI document and the tests all read them from here. They
 * are far above what a real enterprise reports, and every accepted size evaluates within the
 * engine's budget; they exist so that no request can make the service spend unbounded memory or
 * time (docs/integration.md, "Limits").
 */
public final class ProfileLimits {
    private ProfileLimits() {
    }

    /** Investment projects of one profile. */
    public static final int MAX_PROJECTS = 100;
    /** Recognitions held: five kinds, renewed every three years, with history. */
    public static final int MAX_CERTIFICATIONS = 30;
    public static final int MAX_AWARDS = 50;
    public static final int MAX_PARKS = 10;
    /** Quarters of industrial output: ten years. */
    public static final int MAX_QUARTERS = 40;
    /** Years of {@code financials} and of {@code equityFinancing}. */
    public static final int MAX_YEARS = 20;

    /** Enterprise names: the longest registered Chinese names are well under 100 characters. */
    public static final int MAX_NAME_LENGTH = 200;
    /** Caller-chosen ids: project ids and batch item ids. */
    public static final int MAX_ID_LENGTH = 200;
    public static final int MAX_PARK_ID_LENGTH = 64;

    /** Headcounts and counts of items (employees, patents). */
    public static final int MAX_COUNT = 10_000_000;

    /** Every number (money in 万元, areas, percentages) is below this in magnitude: 10^12 万元. */
    public static final String MAX_MAGNITUDE_TEXT = "1000000000000";
    public static final BigDecimal MAX_MAGNITUDE = new BigDecimal(MAX_MAGNITUDE_TEXT);
    /** Decimal places of a number (trailing zeros do not count). */
    public static final int MAX_DECIMALS = 10;

    /**
     * Answers under {@code profile.inputs}: one per declared input a profile answers. The project's
     * rules declare far fewer; the bound keeps a body of 400,000 keys from being built at all.
     */
    public static final int MAX_INPUTS = 200;
    /** An input id (a camelCase name such as copperOutputTonnes); a declaration may not be longer. */
    public static final int MAX_INPUT_ID_LENGTH = 64;
    /** A choice answer to an input (one of its declared choices); a declared choice may not be longer. */
    public static final int MAX_INPUT_TEXT_LENGTH = 200;

    /**
     * Arrays and objects within each other, in any JSON body of the API. A profile needs 5 (a batch
     * item's project); Jackson's own bound is 1,000.
     */
    public static final int MAX_NESTING_DEPTH = 32;

    /** Every date (asOf, registration, recognitions) lies in these years. */
    public static final int MIN_YEAR = 1949;
    public static final int MAX_YEAR = 2100;
}
