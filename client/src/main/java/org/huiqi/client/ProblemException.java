package org.huiqi.client;

/** The service answered with a problem document (a 4xx or 5xx that retrying does not cure). */
public class ProblemException extends RuntimeException {
    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.status() + " " + problem.title() + (problem.detail() == null ? "" : ": " + problem.detail())
                + (problem.instance() == null ? "" : " (" + problem.instance() + ")"));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
