package org.huiqi.rules;

/**
 * Something wrong in a staff-edited file, located the way an editor wants it: the path relative
 * to the rules directory and the line (and column when known, else 0) in that file.
 */
public record RuleProblem(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
