package org.huiqi.evaluation;

/**
 * A rule that threw while one profile was evaluated. It costs its own measure only: that
 * measure's result is ERROR, every other result stands. Kept in the session as a fact (no rule
 * can match it: staff rules bind the engine's facts only) and read out with the conclusions.
 *
 * @param rule    the rule's name, as written in its file
 * @param file    the rule file, relative to the rules directory
 * @param reason  what the rule's code threw, without Java names: for staff with the admin key and
 *                the log only, since it is whatever text the code put there
 */
public record RuleFault(String measureId, String rule, String file, String reason) {
}
