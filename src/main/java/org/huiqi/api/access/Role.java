package org.huiqi.api.access;

/** What an API key may do. */
public enum Role {
    /** Reload rule sets and other operations on the running service. */
    ADMIN,
    /** Batch matching and other system-to-system calls. */
    INTEGRATION
}
