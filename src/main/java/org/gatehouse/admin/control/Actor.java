package org.gatehouse.admin.control;

import java.io.Serializable;

/** The signed-in administrator performing an action, as the audit log records it. */
public record Actor(String username, String address) implements Serializable {
}
