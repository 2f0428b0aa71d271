package org.gatehouse.admin.control;

/**
 * Someone else changed (or deleted) the record since this form was loaded (optimistic locking
 * on the entity's {@code @Version}); nothing was saved.
 */
public class EditConflict extends RuntimeException {

    public EditConflict(String message) {
        super(message);
    }
}
